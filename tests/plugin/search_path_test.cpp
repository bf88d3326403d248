// The order of the places plugins come from, and what secure-execution mode leaves out.

#include <gtest/gtest.h>

#include <cstdlib>

#include "mctpkit/plugin/loader.hpp"

namespace mctpkit::plugin {
namespace {

std::vector<std::string> lines(const std::vector<SearchEntry>& entries) {
  std::vector<std::string> out;
  for (const SearchEntry& e : entries) out.push_back(e.route + ": " + e.path);
  return out;
}

struct Environment : ::testing::Test {
  void SetUp() override {
    setenv("MCTPKIT_PLUGIN_PATH", "/env/one::/env/two", 1);
    setenv("XDG_DATA_HOME", "/xdg", 1);
    setenv("HOME", "/home/user", 1);
  }
  LoadOptions options() const {
    LoadOptions o;
    o.explicit_paths = {"/explicit/a.so", "/explicit/folder"};
    o.system_folder = "/prefix/lib/mctpkit/plugins";
    o.secure = false;
    return o;
  }
};

TEST_F(Environment, ExplicitThenEnvironmentThenUserThenSystem) {
  EXPECT_EQ(lines(search_path(options())),
            (std::vector<std::string>{"--plugin: /explicit/a.so", "--plugin: /explicit/folder",
                                      "MCTPKIT_PLUGIN_PATH: /env/one", "MCTPKIT_PLUGIN_PATH: /env/two",
                                      "user folder: /xdg/mctpkit/plugins",
                                      "system folder: /prefix/lib/mctpkit/plugins"}));
}

TEST_F(Environment, UserFolderDefaultsToHomeWhenXdgDataHomeIsUnsetOrRelative) {
  LoadOptions o = options();
  o.explicit_paths.clear();
  o.use_environment = false;
  o.use_system_folder = false;
  unsetenv("XDG_DATA_HOME");
  EXPECT_EQ(lines(search_path(o)), std::vector<std::string>{"user folder: /home/user/.local/share/mctpkit/plugins"});
  setenv("XDG_DATA_HOME", "relative/data", 1);
  EXPECT_EQ(lines(search_path(o)), std::vector<std::string>{"user folder: /home/user/.local/share/mctpkit/plugins"});
}

TEST_F(Environment, SecureExecutionIgnoresEnvironmentAndUserFolder) {
  LoadOptions o = options();
  o.secure = true;
  EXPECT_EQ(lines(search_path(o)),
            (std::vector<std::string>{"--plugin: /explicit/a.so", "--plugin: /explicit/folder",
                                      "system folder: /prefix/lib/mctpkit/plugins"}));
}

TEST_F(Environment, EachRouteCanBeSwitchedOff) {
  LoadOptions o = options();
  o.use_environment = false;
  o.use_user_folder = false;
  o.use_system_folder = false;
  EXPECT_EQ(lines(search_path(o)),
            (std::vector<std::string>{"--plugin: /explicit/a.so", "--plugin: /explicit/folder"}));
}

}  // namespace
}  // namespace mctpkit::plugin
