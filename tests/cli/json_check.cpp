// Test helper: parses JSON from stdin and checks each argument: "key=<json value>" (equal),
// "key~<json value>" (contains: objects may have more keys than the value names) or "key" (present).
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

// Whether `actual` has everything `expected` has: the same scalars, arrays of the same length whose
// elements contain the expected ones, objects with at least the expected keys, each containing its value.
bool contains(const nlohmann::json& actual, const nlohmann::json& expected) {
  if (expected.is_object()) {
    if (!actual.is_object()) return false;
    for (const auto& [key, value] : expected.items())
      if (!actual.contains(key) || !contains(actual[key], value)) return false;
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) return false;
    for (std::size_t i = 0; i < expected.size(); ++i)
      if (!contains(actual[i], expected[i])) return false;
    return true;
  }
  return actual == expected;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "no checks given: any JSON would pass\n";
    return 1;
  }
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(std::cin);
  } catch (const nlohmann::json::parse_error& error) {
    std::cerr << "not valid JSON: " << error.what() << '\n';
    return 1;
  }
  int failures = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string check = argv[i];
    const std::size_t operation = check.find_first_of("=~");
    const std::string key = check.substr(0, operation);
    if (!document.contains(key)) {
      std::cerr << "missing key \"" << key << "\"\n";
      ++failures;
    } else if (operation != std::string::npos) {
      const nlohmann::json expected = nlohmann::json::parse(check.substr(operation + 1));
      const bool equal = check[operation] == '=';
      if (equal ? document[key] != expected : !contains(document[key], expected)) {
        std::cerr << '"' << key << "\" is " << document[key].dump() << ", expected " << (equal ? "" : "to contain ")
                  << expected.dump() << '\n';
        ++failures;
      }
    }
  }
  return failures == 0 ? 0 : 1;
}
