"""tieout's worksheet functions for LibreOffice Calc.

TIEOUT_FOOT, TIEOUT_FX, TIEOUT_RATIO and TIEOUT_EXPLAIN as
docs/spreadsheets.md defines them, over tieout's C ABI (include/tieout.h) in
the libtieout.so that the extension carries next to this file. LibreOffice's
own Python loads this module (on Debian /usr/bin/python3 with python3-uno);
it uses the standard library and uno only.

Each call is one small audit, created and freed within the call, so that
calls share no state: the cells as figures at the precision the sheet holds
them, one constraint, one check (docs/c-api.md, "Spreadsheet functions over
the ABI").

Errors: a call that cannot be checked (any status but TIEOUT_OK, text
where a number is wanted, a range where one cell is, a check tieout calls
incomplete) raises, and Calc shows #VALUE! in the cell: an error value
cannot be mistaken for a verdict, and ISERROR sees it. Calc's error values
carry no text, so TIEOUT_EXPLAIN with the same arguments returns the reason
instead, as text starting "error: ".
"""

import ctypes
import decimal
import math
import os
import threading

import unohelper
from com.sun.star.uno import RuntimeException
from org.tieout.calc import XTieoutFunctions

IMPLEMENTATION_NAME = "org.tieout.calc.TieoutAddIn"
# Calc offers the implementations of this service as add-ins.
SERVICE_NAME = "com.sun.star.sheet.AddIn"

# The library travels inside the .oxt, so the extension needs nothing but
# LibreOffice and always calls the library it was built with.
LIBRARY_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "libtieout.so")

# Values from include/tieout.h, which never renumbers them.
OK = 0
VERDICT_PASS, VERDICT_ROUNDING, VERDICT_FAIL = 0, 1, 2
ROUND_HALF_UP = 0
DECIMAL_GROUPING = 1
DECIMAL_BUFFER_SIZE = 512

_u32, _size, _cstr, _int = ctypes.c_uint32, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_int
_handle, _P = ctypes.c_void_p, ctypes.POINTER

# Every function used, with its C signature: without argtypes ctypes would
# pass Python ints as C int, truncating pointers and size_t.
_SIGNATURES = {
    "tieout_status_str": (_cstr, [_int]),
    "tieout_verdict_str": (_cstr, [_int]),
    "tieout_last_error": (_cstr, []),
    "tieout_decimal_format": (_int, [_cstr, _int, _int, ctypes.c_uint, ctypes.c_char_p, _size,
                                     _P(_size)]),
    "tieout_audit_create": (_int, [_P(_handle)]),
    "tieout_audit_free": (None, [_handle]),
    "tieout_audit_last_error": (_cstr, [_handle]),
    "tieout_audit_add_figure": (_int, [_handle, _cstr, _cstr, _cstr, _int, _cstr, _cstr, _u32,
                                       _u32, _P(_u32)]),
    "tieout_audit_figure_decimals": (_int, [_handle, _u32, _P(_int)]),
    "tieout_audit_add_footing": (_int, [_handle, _u32, _P(_u32), _P(_cstr), _size, _P(_u32)]),
    "tieout_audit_add_conversion": (_int, [_handle, _u32, _u32, _cstr, _P(_u32)]),
    "tieout_audit_add_ratio": (_int, [_handle, _u32, _P(_u32), _P(_cstr), _size, _P(_u32),
                                      _P(_cstr), _size, _cstr, _P(_u32)]),
    "tieout_audit_check": (_int, [_handle, ctypes.c_uint]),
    "tieout_audit_constraint_verdict": (_int, [_handle, _u32, _P(_int)]),
    "tieout_audit_constraint_difference": (_int, [_handle, _u32, _P(_cstr)]),
    "tieout_audit_constraint_explanation": (_int, [_handle, _u32, _P(_cstr)]),
}


class SheetError(Exception):
    """A call the sheet shows as an error; the message says why."""


_library = None
# Calc calls add-ins from its main thread today; the lock keeps the one-time
# load correct should that change.
_library_lock = threading.Lock()


def _load():
    """libtieout.so with its signatures declared, loaded at the first call
    rather than on import: a missing or broken library then gives every call
    a clear error, where a failed import would make the functions vanish
    from Calc as unknown names."""
    global _library
    with _library_lock:
        if _library is None:
            try:
                library = ctypes.CDLL(LIBRARY_PATH)
            except OSError as error:
                # The OSError names the file and why (missing, wrong architecture).
                raise SheetError(f"cannot load libtieout.so: {error}") from None
            for name, (restype, argtypes) in _SIGNATURES.items():
                try:
                    function = getattr(library, name)
                except AttributeError:
                    raise SheetError(f"{LIBRARY_PATH} has no {name}: it is not the "
                                     "libtieout.so this extension was built with") from None
                function.restype, function.argtypes = restype, argtypes
            _library = library
        return _library


def _text(raw):
    """A borrowed or static C string as str; tieout writes UTF-8."""
    return raw.decode("utf-8", "replace") if raw is not None else ""


def _status_error(library, status, message):
    """The error of a failed call: the status's name, then tieout's message,
    which already names the function ("tieout_audit_add_conversion: ...")."""
    return SheetError(f"{_text(library.tieout_status_str(status))}: {_text(message)}")


class _Audit:
    """One audit handle for one call, freed however the call ends."""

    def __init__(self, library):
        self.library = library
        self._handle = _handle()
        status = library.tieout_audit_create(ctypes.byref(self._handle))
        if status != OK:
            raise _status_error(library, status, library.tieout_last_error())

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.library.tieout_audit_free(self._handle)

    def call(self, name, *args):
        status = getattr(self.library, name)(self._handle, *args)
        if status != OK:
            raise _status_error(self.library, status,
                                self.library.tieout_audit_last_error(self._handle))

    def figure(self, text, label, argument, row, column):
        """Adds `text` as a figure. A distinct label for each keeps every
        figure its own line item, and the argument's name with the cell's
        row and column in it tell the explanation's reader which cell is
        meant: Calc passes values, not addresses."""
        figure = _u32()
        self.call("tieout_audit_add_figure", text.encode(), None, None, 0, label.encode(),
                  argument.encode(), row, column, ctypes.byref(figure))
        return figure.value

    def decimals(self, figure):
        """The figure's printed precision: its decimal places."""
        out = _int()
        self.call("tieout_audit_figure_decimals", figure, ctypes.byref(out))
        return out.value

    def add(self, name, *args):
        """Adds a constraint; its id."""
        constraint = _u32()
        self.call(name, *args, ctypes.byref(constraint))
        return constraint.value

    def verdict(self, constraint):
        out = _int()
        self.call("tieout_audit_constraint_verdict", constraint, ctypes.byref(out))
        return out.value

    def string(self, name, constraint):
        out = _cstr()
        self.call(name, constraint, ctypes.byref(out))
        return _text(out.value)


def _figure_text(cell, where):
    """The decimal text of the number a cell holds; None for an empty cell.
    Only numbers are figures, as in every spreadsheet tieout serves: text,
    even "1,234", is refused rather than read one way here and another
    there."""
    # Calc passes an empty cell in a range as None, a lone one as "".
    if cell is None or cell == "":
        return None
    if isinstance(cell, str):
        raise SheetError(f"{where} holds the text {cell!r}, not a number")
    if not isinstance(cell, (int, float)) or isinstance(cell, bool) or not math.isfinite(cell):
        raise SheetError(f"{where} holds {cell!r}, not a number")
    # repr is the shortest text that reads back as the same double, so the
    # figure is what the sheet holds at the precision it holds it (0.1, not
    # 0.1000000000000000055511151231257827); Decimal writes it without an
    # exponent, and a whole number drops its ".0" so that 1175535 is read
    # as whole.
    text = format(decimal.Decimal(repr(float(cell))), "f")
    return text[:-2] if text.endswith(".0") else text


def _cells(argument):
    """(row, column, cell) of each cell of an argument, 1-based. Calc passes
    a range as a tuple of rows, one cell or an inline value as itself."""
    if not isinstance(argument, tuple):
        yield 1, 1, argument
        return
    for row, cells in enumerate(argument, 1):
        for column, cell in enumerate(cells if isinstance(cells, tuple) else (cells,), 1):
            yield row, column, cell


def _one_cell(argument, name):
    """The text of an argument that must be one non-empty cell."""
    cells = list(_cells(argument))
    if len(cells) != 1:
        raise SheetError(f"{name} must be one cell, not a range of {len(cells)}")
    text = _figure_text(cells[0][2], name)
    if text is None:
        raise SheetError(f"{name} is missing or empty")
    return text


def _figure(audit, argument, name):
    return audit.figure(_one_cell(argument, name), name, name, 1, 1)


def _precision(*decimals):
    """The places to show a difference at: the finest of the figures' own,
    never below whole units (tieout_decimal_format takes 0..64)."""
    return max(0, *decimals)


def _foot(audit, parts, total):
    """total = sum of parts. The difference, total less the sum, is exact at
    the finest precision among the figures."""
    if parts is None:
        # Left out, as opposed to a range of empty cells, which sums to 0.
        raise SheetError("parts is missing")
    part_ids = []
    for row, column, cell in _cells(parts):
        text = _figure_text(cell, f"parts (row {row}, column {column})")
        if text is not None:  # an empty cell adds nothing
            part_ids.append(audit.figure(text, f"part {len(part_ids) + 1}", "parts", row, column))
    total_id = _figure(audit, total, "total")
    constraint = audit.add("tieout_audit_add_footing", total_id,
                           (_u32 * len(part_ids))(*part_ids), None, len(part_ids))
    return constraint, _precision(*(audit.decimals(f) for f in [total_id] + part_ids))


def _fx(audit, amount, converted, rate):
    """converted x rate = amount. The difference is in the amount's
    currency, so it is shown at the amount's precision."""
    amount_id = _figure(audit, amount, "amount")
    converted_id = _figure(audit, converted, "converted")
    # The rate is exact, not a figure with a precision: the ABI takes it as
    # a decimal, which the number's text already is.
    rate_text = _one_cell(rate, "rate")
    constraint = audit.add("tieout_audit_add_conversion", converted_id, amount_id,
                           rate_text.encode())
    return constraint, _precision(audit.decimals(amount_id))


def _ratio(audit, numerator, denominator, ratio):
    """ratio = numerator / denominator, shown at the ratio's precision. A
    percentage cell holds the fraction (16.1% is 0.161), so the multiplier
    is 1, never 100."""
    numerator_id = _figure(audit, numerator, "numerator")
    denominator_id = _figure(audit, denominator, "denominator")
    ratio_id = _figure(audit, ratio, "ratio")
    constraint = audit.add("tieout_audit_add_ratio", ratio_id, (_u32 * 1)(numerator_id), None, 1,
                           (_u32 * 1)(denominator_id), None, 1, b"1")
    return constraint, _precision(audit.decimals(ratio_id))


def _verdict(audit, constraint, precision):
    verdict = audit.verdict(constraint)
    if verdict == VERDICT_PASS:
        return "ties"
    if verdict == VERDICT_ROUNDING:
        return "rounding"
    if verdict == VERDICT_FAIL:
        difference = audit.string("tieout_audit_constraint_difference", constraint).encode()
        out = ctypes.create_string_buffer(DECIMAL_BUFFER_SIZE)
        status = audit.library.tieout_decimal_format(difference, precision, ROUND_HALF_UP,
                                                     DECIMAL_GROUPING, out, DECIMAL_BUFFER_SIZE,
                                                     None)
        if status != OK:
            raise _status_error(audit.library, status, audit.library.tieout_last_error())
        return "fails by " + _text(out.value)
    # Incomplete (a figure tieout cannot read) and anything newer are not
    # verdicts the sheet knows: the explanation says what happened.
    raise SheetError(f"{_text(audit.library.tieout_verdict_str(verdict))}: "
                     f"{audit.string('tieout_audit_constraint_explanation', constraint)}")


def _explanation(audit, constraint, precision):
    return audit.string("tieout_audit_constraint_explanation", constraint)


def _audit(check, arguments, answer):
    """One call: a new audit, the figures and constraint `check` adds, one
    check, and `answer` read from it."""
    library = _load()
    with _Audit(library) as audit:
        constraint, precision = check(audit, *arguments)
        audit.call("tieout_audit_check", 0)
        return answer(audit, constraint, precision)


def _verdict_of(function, check, *arguments):
    try:
        return _audit(check, arguments, _verdict)
    except SheetError as error:
        # Calc shows any exception from an add-in as #VALUE!.
        raise RuntimeException(f"{function}: {error}", None) from None


_KINDS = {"foot": (_foot, 2), "fx": (_fx, 3), "ratio": (_ratio, 3)}


class TieoutAddIn(unohelper.Base, XTieoutFunctions):
    """The add-in Calc instantiates; CalcAddIns.xcu names its methods."""

    def __init__(self, context):
        self.context = context

    def tieoutFoot(self, parts, total):
        return _verdict_of("TIEOUT_FOOT", _foot, parts, total)

    def tieoutFx(self, amount, converted, rate):
        return _verdict_of("TIEOUT_FX", _fx, amount, converted, rate)

    def tieoutRatio(self, numerator, denominator, ratio):
        return _verdict_of("TIEOUT_RATIO", _ratio, numerator, denominator, ratio)

    def tieoutExplain(self, kind, first, second, third):
        try:
            name = kind.strip().lower() if isinstance(kind, str) else None
            if name not in _KINDS:
                raise SheetError(f'kind must be "foot", "fx" or "ratio", not {kind!r}')
            check, count = _KINDS[name]
            arguments = (first, second, third)[:count]
            if count == 2 and third is not None:
                raise SheetError('"foot" takes two arguments after the kind: parts and total')
            return _audit(check, arguments, _explanation)
        except SheetError as error:
            return f"error: TIEOUT_EXPLAIN: {error}"


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(TieoutAddIn, IMPLEMENTATION_NAME, (SERVICE_NAME,))
