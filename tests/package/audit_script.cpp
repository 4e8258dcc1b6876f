// Uses the installed package's tieout::gtest: an audit script of a small
// filing whose revenues foot (900 + 200 = 1,100; 1,000 + 250 = 1,250).
#include <tieout/gtest.hpp>

TEST(installed_package, an_audit_script_runs) {
  tieout::Audit audit;
  ASSERT_TRUE(audit.add_text("revenues.txt",
                             "\tFor the year ended December 31,\n\t2022\t2023\n\tRMB\tRMB\n"
                             "Products\t900\t1,000\nServices\t200\t250\n"
                             "Total revenues\t1,100\t1,250\n"));
  const tieout::TieOut tie_out = audit.run();
  EXPECT_TIES(tie_out);
  EXPECT_FOOTS(tie_out, "Total revenues");
}
