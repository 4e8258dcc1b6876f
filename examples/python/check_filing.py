"""check_filing.py: tieout's C ABI (tieout.h, libtieout.so) from Python,
through ctypes, with the standard library only. Checks a filing and prints
its failed checks, then the suspects: the figures whose change makes every
failed check hold, each with the value it should have. Prints what
examples/c/check_filing.c prints.

Usage: check_filing.py [--library PATH] FILE

--library defaults to libtieout.so.0, found as the dynamic loader finds
libraries (LD_LIBRARY_PATH, then the system's directories). Exits as
`tieout check` does: 0 when everything ties, 1 when a check fails, 2 when
the filing cannot be read.
"""
import argparse
import ctypes
import sys

OK = 0
SUMMARY_FAILED = 4
VERDICT_FAIL = 2


def load(path):
    """libtieout at `path`, with the signatures this script calls: ctypes
    would otherwise pass every pointer and size as a C int."""
    lib = ctypes.CDLL(path)
    handle, u32, size_t, cstr = ctypes.c_void_p, ctypes.c_uint32, ctypes.c_size_t, ctypes.c_char_p
    out = ctypes.POINTER
    signatures = {
        "tieout_audit_create": [out(handle)],
        "tieout_audit_add_file": [handle, cstr, out(u32)],
        "tieout_audit_check": [handle, ctypes.c_uint],
        "tieout_audit_summary": [handle, ctypes.c_int, out(size_t)],
        "tieout_audit_finding_count": [handle, out(size_t)],
        "tieout_audit_finding": [handle, size_t, out(u32)],
        "tieout_audit_constraint_verdict": [handle, u32, out(ctypes.c_int)],
        "tieout_audit_constraint_explanation": [handle, u32, out(cstr)],
        "tieout_audit_suspect_count": [handle, out(size_t)],
        "tieout_audit_suspect": [handle, size_t, out(u32), out(cstr), out(cstr),
                                 out(ctypes.c_int), out(ctypes.c_int)],
        "tieout_audit_figure_file": [handle, u32, out(cstr)],
        "tieout_audit_figure_text": [handle, u32, out(cstr)],
        "tieout_audit_figure_line": [handle, u32, out(u32)],
        "tieout_audit_figure_column": [handle, u32, out(u32)],
    }
    for name, arguments in signatures.items():
        getattr(lib, name).argtypes = arguments
        getattr(lib, name).restype = ctypes.c_int
    lib.tieout_audit_free.argtypes, lib.tieout_audit_free.restype = [handle], None
    lib.tieout_audit_last_error.argtypes, lib.tieout_audit_last_error.restype = [handle], cstr
    return lib


class Audit:
    """A tieout_audit handle: calls raise on any status but TIEOUT_OK, and
    the handle is freed when the `with` block ends."""

    def __init__(self, lib):
        self.lib = lib
        self.handle = ctypes.c_void_p()
        if lib.tieout_audit_create(ctypes.byref(self.handle)) != OK:
            raise MemoryError("tieout_audit_create failed")

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        self.lib.tieout_audit_free(self.handle)

    def call(self, name, *arguments):
        if getattr(self.lib, name)(self.handle, *arguments) != OK:
            raise RuntimeError(self.lib.tieout_audit_last_error(self.handle).decode())

    def get(self, name, out_type, *arguments):
        """The one OUT parameter of `name`, after `arguments`."""
        out = out_type()
        self.call(name, *arguments, ctypes.byref(out))
        return out.value.decode() if isinstance(out.value, bytes) else out.value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", default="libtieout.so.0")
    parser.add_argument("file")
    options = parser.parse_args()
    lib = load(options.library)
    u32, size_t, cstr, cint = ctypes.c_uint32, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_int

    with Audit(lib) as audit:
        try:
            audit.call("tieout_audit_add_file", options.file.encode(), None)
            audit.call("tieout_audit_check", 0)
        except RuntimeError as error:
            print(f"check_filing: {error}", file=sys.stderr)
            return 2
        failed = audit.get("tieout_audit_summary", size_t, SUMMARY_FAILED)
        print(f"{options.file}: {failed} failed check{'' if failed == 1 else 's'}")

        # Findings are every check that did not pass exactly; only failures
        # are errors (rounding and info findings are not).
        for index in range(audit.get("tieout_audit_finding_count", size_t)):
            constraint = audit.get("tieout_audit_finding", u32, index)
            if audit.get("tieout_audit_constraint_verdict", cint, constraint) != VERDICT_FAIL:
                continue
            # "conversion: ...": the explanation starts with the kind of check.
            print("FAIL", audit.get("tieout_audit_constraint_explanation", cstr, constraint))

        for index in range(audit.get("tieout_audit_suspect_count", size_t)):
            figure, proposed, text = u32(), cstr(), cstr()
            rank, unique = cint(), cint()
            audit.call("tieout_audit_suspect", index, ctypes.byref(figure), ctypes.byref(proposed),
                       ctypes.byref(text), ctypes.byref(rank), ctypes.byref(unique))
            where = ":".join(str(audit.get(f"tieout_audit_figure_{part}", out_type, figure))
                             for part, out_type in (("file", cstr), ("line", u32),
                                                    ("column", u32)))
            printed = audit.get("tieout_audit_figure_text", cstr, figure)
            certainty = "the one best explanation" if unique.value else "one of several, not certain"
            print(f"suspect: {where}: printed {printed}; everything ties with "
                  f"{text.value.decode()} ({proposed.value.decode()} in units; "
                  f"rank {rank.value}, {certainty})")
        return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
