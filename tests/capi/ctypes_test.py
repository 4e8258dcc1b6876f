"""The C ABI from Python through ctypes, as a host without a C compiler
would use it: load the Q3 2024 release, check it, read its findings, figures
and suspects, render JSON and parse it.

Expected values come from the release (examples/filings/004_5d25836ba150503a.txt):
it ties out (0 failed checks); line 222, field 5 prints Total revenues for
the three months ended Sep 30, 2024 as 1,885,574 (RMB thousands).

Usage: ctypes_test.py LIBTIEOUT SOURCE_DIR   (stdlib only; /usr/bin/python3)
"""
import ctypes
import json
import sys
import unittest

LIBRARY, SOURCE_DIR = sys.argv[1], sys.argv[2]
RELEASE = SOURCE_DIR + "/examples/filings/004_5d25836ba150503a.txt"

OK, E_INVALID_HANDLE, E_OUT_OF_RANGE, E_READ, E_STATE = 0, 2, 3, 7, 11
SUMMARY_FIGURES, SUMMARY_CHECKS, SUMMARY_PASSED, SUMMARY_FAILED = 0, 1, 2, 4
SUMMARY_SUSPECTS = 12
VERDICT_PASS, VERDICT_FAIL = 0, 2
REPORT_JSON = 1

lib = ctypes.CDLL(LIBRARY)
u32, size_t, cstr = ctypes.c_uint32, ctypes.c_size_t, ctypes.c_char_p
P = ctypes.POINTER


def declare(name, *args, restype=ctypes.c_int):
    function = getattr(lib, name)
    function.argtypes = list(args)
    function.restype = restype
    return function


declare("tieout_version", restype=cstr)
declare("tieout_last_error", restype=cstr)
declare("tieout_status_str", ctypes.c_int, restype=cstr)
declare("tieout_free", ctypes.c_void_p, restype=None)
declare("tieout_decimal_subtract", cstr, cstr, ctypes.c_char_p, size_t, P(size_t))
declare("tieout_audit_create", P(ctypes.c_void_p))
declare("tieout_audit_free", ctypes.c_void_p, restype=None)
declare("tieout_audit_last_error", ctypes.c_void_p, restype=cstr)
declare("tieout_audit_add_file", ctypes.c_void_p, cstr, P(u32))
declare("tieout_audit_add_text", ctypes.c_void_p, cstr, ctypes.c_char_p, size_t, P(u32))
declare("tieout_audit_check", ctypes.c_void_p, ctypes.c_uint)
declare("tieout_audit_summary", ctypes.c_void_p, ctypes.c_int, P(size_t))
declare("tieout_audit_figure_count", ctypes.c_void_p, P(size_t))
declare("tieout_audit_figure_at", ctypes.c_void_p, u32, u32, u32, P(u32))
for getter in ("file", "text", "label", "period", "unit"):
    declare("tieout_audit_figure_" + getter, ctypes.c_void_p, u32, P(cstr))
declare("tieout_audit_figure_value", ctypes.c_void_p, u32, P(cstr))
declare("tieout_audit_figure_line", ctypes.c_void_p, u32, P(u32))
declare("tieout_audit_figure_column", ctypes.c_void_p, u32, P(u32))
declare("tieout_audit_figure_status", ctypes.c_void_p, u32, P(ctypes.c_int))
declare("tieout_audit_finding_count", ctypes.c_void_p, P(size_t))
declare("tieout_audit_finding", ctypes.c_void_p, size_t, P(u32))
declare("tieout_audit_constraint_verdict", ctypes.c_void_p, u32, P(ctypes.c_int))
declare("tieout_audit_constraint_explanation", ctypes.c_void_p, u32, P(cstr))
declare("tieout_audit_constraint_difference", ctypes.c_void_p, u32, P(cstr))
declare("tieout_audit_suspect_count", ctypes.c_void_p, P(size_t))
declare("tieout_audit_suspect", ctypes.c_void_p, size_t, P(u32), P(cstr), P(cstr),
        P(ctypes.c_int), P(ctypes.c_int))
declare("tieout_audit_render", ctypes.c_void_p, ctypes.c_int, P(ctypes.c_void_p), P(size_t))


class Audit:
    """An audit handle, freed when the block ends."""

    def __enter__(self):
        self.handle = ctypes.c_void_p()
        assert lib.tieout_audit_create(ctypes.byref(self.handle)) == OK
        return self

    def __exit__(self, *exc):
        lib.tieout_audit_free(self.handle)

    def call(self, name, *args):
        status = getattr(lib, name)(self.handle, *args)
        if status != OK:
            raise RuntimeError(f"{name}: {lib.tieout_status_str(status).decode()}: "
                               f"{lib.tieout_audit_last_error(self.handle).decode()}")

    def count(self, item):
        out = size_t()
        self.call("tieout_audit_summary", item, ctypes.byref(out))
        return out.value

    def string(self, name, *args):
        out = cstr()
        self.call(name, *args, ctypes.byref(out))
        return out.value.decode()

    def render(self, report_format):
        buffer, size = ctypes.c_void_p(), size_t()
        self.call("tieout_audit_render", report_format, ctypes.byref(buffer), ctypes.byref(size))
        try:
            return ctypes.string_at(buffer, size.value).decode()
        finally:
            lib.tieout_free(buffer)


class CtypesTest(unittest.TestCase):
    def test_version(self):
        self.assertRegex(lib.tieout_version().decode(), r"^\d+\.\d+\.\d+$")

    def test_decimals(self):
        # 1,885.6 - 1,625.2 = 260.4 (RMB million, the release's line 55).
        out = ctypes.create_string_buffer(512)
        self.assertEqual(lib.tieout_decimal_subtract(b"1885.6", b"1625.2", out, 512, None), OK)
        self.assertEqual(out.value, b"260.4")

    def test_release_ties_out(self):
        with Audit() as audit:
            document = u32(99)
            audit.call("tieout_audit_add_file", RELEASE.encode(), ctypes.byref(document))
            self.assertEqual(document.value, 0)
            audit.call("tieout_audit_check", 0)
            self.assertEqual(audit.count(SUMMARY_FAILED), 0)

            figure = u32()
            audit.call("tieout_audit_figure_at", 0, 222, 5, ctypes.byref(figure))
            self.assertEqual(audit.string("tieout_audit_figure_text", figure), "1,885,574")
            self.assertEqual(audit.string("tieout_audit_figure_value", figure), "1885574000")
            self.assertEqual(audit.string("tieout_audit_figure_label", figure), "Total revenues")
            self.assertEqual(audit.string("tieout_audit_figure_period", figure),
                             "2024-07-01..2024-09-30")
            self.assertEqual(audit.string("tieout_audit_figure_unit", figure), "CNY")
            self.assertTrue(audit.string("tieout_audit_figure_file", figure).endswith(
                "004_5d25836ba150503a.txt"))

            findings = size_t()
            audit.call("tieout_audit_finding_count", ctypes.byref(findings))
            self.assertEqual(findings.value,
                             audit.count(SUMMARY_CHECKS) - audit.count(SUMMARY_PASSED))
            explanations = []
            for index in range(findings.value):
                constraint, verdict = u32(), ctypes.c_int()
                audit.call("tieout_audit_finding", index, ctypes.byref(constraint))
                audit.call("tieout_audit_constraint_verdict", constraint, ctypes.byref(verdict))
                self.assertNotIn(verdict.value, (VERDICT_PASS, VERDICT_FAIL))
                explanations.append(
                    audit.string("tieout_audit_constraint_explanation", constraint))
            self.assertTrue(all(explanations))

            # The JSON report says what the calls said.
            report = json.loads(audit.render(REPORT_JSON))
            self.assertEqual(report["schema"], "tieout-report/1")
            self.assertEqual(report["tieout"], lib.tieout_version().decode())
            self.assertEqual(report["summary"]["failed"], 0)
            self.assertEqual(report["summary"]["figures"], audit.count(SUMMARY_FIGURES))
            self.assertEqual(len(report["findings"]), findings.value)
            self.assertEqual([f["message"] for f in report["findings"]], explanations)
            by_id = {f["id"]: f for f in report["figures"]}
            self.assertEqual(by_id[figure.value]["text"], "1,885,574")
            self.assertEqual(by_id[figure.value]["line"], 222)
            self.assertEqual(by_id[figure.value]["column"], 5)

    def test_a_slip_in_the_release_is_found(self):
        # US$ gross profit (line 224, field 6) printed 43,272 for 43,227:
        # its footing, 268,692 - 225,465 = 43,227, and its conversion fail,
        # and 43,227 is the one value that ties everything.
        with open(RELEASE, "rb") as file:
            content = file.read()
        slipped = content.replace(b"\t43,227\t", b"\t43,272\t", 1)
        self.assertNotEqual(slipped, content)
        with Audit() as audit:
            audit.call("tieout_audit_add_text", b"release.txt", slipped, len(slipped), None)
            audit.call("tieout_audit_check", 0)
            self.assertGreater(audit.count(SUMMARY_FAILED), 0)
            self.assertEqual(audit.count(SUMMARY_SUSPECTS), 1)
            count = size_t()
            audit.call("tieout_audit_suspect_count", ctypes.byref(count))
            self.assertEqual(count.value, 1)
            figure, proposed, text = u32(), cstr(), cstr()
            rank, unique = ctypes.c_int(), ctypes.c_int()
            audit.call("tieout_audit_suspect", 0, ctypes.byref(figure), ctypes.byref(proposed),
                       ctypes.byref(text), ctypes.byref(rank), ctypes.byref(unique))
            expected = u32()
            audit.call("tieout_audit_figure_at", 0, 224, 6, ctypes.byref(expected))
            self.assertEqual(figure.value, expected.value)
            self.assertEqual(proposed.value, b"43227000")
            self.assertEqual(text.value, b"43,227")
            self.assertEqual((rank.value, unique.value), (1, 1))
            # The JSON report names the same suspect.
            report = json.loads(audit.render(REPORT_JSON))
            self.assertEqual([(s["figure"], s["proposed"], s["unique"])
                              for s in report["suspects"] if s["rank"] == 1],
                             [(expected.value, "43227000", True)])

    def test_errors(self):
        with Audit() as audit:
            status = lib.tieout_audit_add_file(audit.handle, b"/nonexistent.txt", None)
            self.assertEqual(status, E_READ)
            self.assertIn(b"/nonexistent.txt", lib.tieout_audit_last_error(audit.handle))
            out = size_t()
            self.assertEqual(lib.tieout_audit_summary(audit.handle, SUMMARY_FAILED,
                                                      ctypes.byref(out)), E_STATE)
            text = cstr()
            self.assertEqual(lib.tieout_audit_figure_text(audit.handle, 5, ctypes.byref(text)),
                             E_OUT_OF_RANGE)
        # The handle is freed: refused, never touched.
        self.assertEqual(lib.tieout_audit_check(audit.handle, 0), E_INVALID_HANDLE)
        self.assertIn(b"not a live tieout_audit", lib.tieout_last_error())

    def test_text_in_memory_with_a_failure(self):
        # tests/audit_test.cpp's filing: 2022 and 2024 foot, which proves the
        # roll-up; in 2023 1,000 + 250 = 1,250 is printed 1,260 (thousands),
        # which fails by 1,260,000 - 1,250,000 = 10,000.
        filing = (b"Example Corp\nRevenues (in thousands)\n\tFor the year ended December 31,\n"
                  b"\t2022\t2023\t2024\n\tRMB\tRMB\tRMB\nProducts\t900\t1,000\t1,100\n"
                  b"Services\t200\t250\t300\nTotal revenues\t1,100\t1,260\t1,400\n")
        with Audit() as audit:
            audit.call("tieout_audit_add_text", b"example.txt", filing, len(filing), None)
            audit.call("tieout_audit_check", 0)
            self.assertEqual(audit.count(SUMMARY_FAILED), 1)
            failures = []
            findings = size_t()
            audit.call("tieout_audit_finding_count", ctypes.byref(findings))
            for index in range(findings.value):
                constraint, verdict = u32(), ctypes.c_int()
                audit.call("tieout_audit_finding", index, ctypes.byref(constraint))
                audit.call("tieout_audit_constraint_verdict", constraint, ctypes.byref(verdict))
                if verdict.value == VERDICT_FAIL:
                    failures.append(
                        audit.string("tieout_audit_constraint_difference", constraint))
            self.assertEqual(failures, ["10000"])


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=1)
