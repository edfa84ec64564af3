// Repairs its standard input with the installed library and prints the result
// and the number of changes: proof that the public headers and package work on
// their own.
#include <textmend/repairer.h>

#include <iostream>
#include <iterator>
#include <string>

int main() {
  const std::string input((std::istreambuf_iterator<char>(std::cin)), {});
  std::unique_ptr<textmend::Repairer> repairer;
  textmend::Status s =
      textmend::Repairer::Create(textmend::Options(), &repairer);
  textmend::RepairResult result;
  if (s.ok()) s = repairer->Repair(input, &result);
  if (!s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  std::cout << result.text << result.changes.size() << "\n";
  return 0;
}
