// Test helper: parses JSON from stdin and checks each argument, "key=<json value>" (equal) or "key" (present).
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

int main(int argc, char** argv) {
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
    const std::size_t equals = check.find('=');
    const std::string key = check.substr(0, equals);
    if (!document.contains(key)) {
      std::cerr << "missing key \"" << key << "\"\n";
      ++failures;
    } else if (equals != std::string::npos) {
      const nlohmann::json expected = nlohmann::json::parse(check.substr(equals + 1));
      if (document[key] != expected) {
        std::cerr << '"' << key << "\" is " << document[key].dump() << ", expected " << expected.dump() << '\n';
        ++failures;
      }
    }
  }
  return failures == 0 ? 0 : 1;
}
