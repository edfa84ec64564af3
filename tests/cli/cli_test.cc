// End-to-end tests: the real textmend binary on real files and pipes.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <thread>

#include "cli/process.h"
#include "unit/temp_dir.h"

namespace textmend {
namespace {

const std::string kBinary = TEXTMEND_BINARY;
const std::string kDamaged = "a \xEF\xAC\x81rst line\nand a cafe\xCC\x81\n";
const std::string kRepaired = "a first line\nand a caf\xC3\xA9\n";
const std::string kClean = "nothing to repair here\n";

ProcessResult Textmend(std::vector<std::string> args,
                       const std::string& input = "") {
  args.insert(args.begin(), kBinary);
  return RunProcess(args, input);
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }

ino_t Inode(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

TEST_CASE("cli: stdin to stdout", "[cli]") {
  const ProcessResult r = Textmend({}, kDamaged);
  CHECK(r.exit_code == 0);
  CHECK(r.out == kRepaired);
  CHECK(r.err.empty());
  CHECK(Textmend({"-"}, kDamaged).out == kRepaired);
}

TEST_CASE("cli: output begins before the input ends", "[cli]") {
  // Without a document-level stage, each line goes out as it is complete.
  Child child({kBinary, "--no-words", "--no-names"});
  child.Write("the \xEF\xAC\x81rst line\n");
  // The first line comes back while stdin is still open.
  CHECK(child.ReadUntil("the first line\n", 10000) == "the first line\n");
  child.Write("second\n");
  CHECK(child.ReadUntil("second\n", 10000) == "the first line\nsecond\n");
  child.CloseStdin();
  CHECK(child.Wait() == 0);
}

TEST_CASE("cli: with the word stage, output begins once a window is complete",
          "[cli]") {
  Child child({kBinary, "--words", "--window=65536"});
  std::string sent;
  while (sent.size() < 70000) {
    const std::string line =
        "line " + std::to_string(sent.size()) + " of text\n";
    child.Write(line);
    sent += line;
    child.Drain();  // take what has come, so neither side blocks
  }
  // The first 64 KiB window is repaired and written while stdin is open.
  const std::string first = child.ReadUntil("\n", 10000);
  CHECK_FALSE(first.empty());
  CHECK(sent.rfind(first, 0) == 0);
  child.CloseStdin();
  CHECK(child.ReadUntil("<end of output>", 10000) == sent);  // reads to EOF
  CHECK(child.Wait() == 0);
}

TEST_CASE("cli: several files go to stdout in order, also with -j", "[cli]") {
  TempDir dir;
  std::vector<std::string> files;
  std::string expected;
  for (int i = 0; i < 12; ++i) {
    std::string name = "f";  // (not "f" + string: GCC 12 warns falsely)
    name += std::to_string(i) + ".txt";
    const std::string f = dir.File(name);
    WriteFile(f, "file " + std::to_string(i) + " \xEF\xAC\x82ow\n");
    files.push_back(f);
    expected += "file " + std::to_string(i) + " flow\n";
  }
  CHECK(Textmend(files).out == expected);
  std::vector<std::string> args = {"-j", "3"};
  args.insert(args.end(), files.begin(), files.end());
  const ProcessResult r = Textmend(args);
  CHECK(r.exit_code == 0);
  CHECK(r.out == expected);
}

TEST_CASE("cli: a page image is recognized and its text repaired", "[cli]") {
  const std::string dir = std::string(TEXTMEND_SOURCE_DIR) + "/tests/data/ocr/";
  const ProcessResult r = Textmend({dir + "harbour.tif"});
  CHECK(r.exit_code == 0);
  const auto words = [](const std::string& text) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() &&
             std::isspace(static_cast<unsigned char>(text[i])))
        ++i;
      size_t j = i;
      while (j < text.size() &&
             !std::isspace(static_cast<unsigned char>(text[j])))
        ++j;
      if (j > i) {
        if (!out.empty()) out += ' ';  // (appended: GCC 12 warns falsely on +)
        out.append(text, i, j - i);
      }
      i = j;
    }
    return out;
  };
  CHECK(words(r.out) == words(ReadFile(dir + "harbour.txt")));
  // hOCR and TSV: Tesseract's words with their positions.
  const ProcessResult hocr = Textmend({"--format=hocr", dir + "harbour.tif"});
  CHECK(hocr.exit_code == 0);
  CHECK(hocr.out.find("class='ocrx_word'") != std::string::npos);
  CHECK(hocr.out.find(">Harbour<") != std::string::npos);
  const ProcessResult tsv = Textmend({"--format=tsv", dir + "harbour.tif"});
  CHECK(tsv.exit_code == 0);
  CHECK(tsv.out.find("\tHarbour\n") != std::string::npos);
  // Lit unevenly (light falling to 40% on the right, by ocr_degrade shade):
  // its background is evened out first; Tesseract alone loses the right side.
  CHECK(words(Textmend({dir + "harbour-shaded.png"}).out) ==
        words(ReadFile(dir + "harbour.txt")));
  // Upside down (a page that reads poorly is read again with Tesseract's
  // orientation detection).
  CHECK(words(Textmend({dir + "harbour-upside-down.tif"}).out) ==
        words(ReadFile(dir + "harbour.txt")));
  // A forced page segmentation mode (4: one column) reads it alike; modes
  // without text are refused.
  CHECK(words(Textmend({"--psm", "4", dir + "harbour.tif"}).out) ==
        words(ReadFile(dir + "harbour.txt")));
  const ProcessResult psm0 = Textmend({"--psm=0", dir + "harbour.tif"});
  CHECK(psm0.exit_code == 2);
  CHECK(psm0.err.find("1 or 3-13") != std::string::npos);
  // The same page in a PDF; a Russian page with --lang=rus.
  CHECK(words(Textmend({dir + "harbour.pdf"}).out) ==
        words(ReadFile(dir + "harbour.txt")));
  CHECK(words(Textmend({"--lang=rus", dir + "minsk.tif"}).out) ==
        words(ReadFile(dir + "minsk.txt")));
  // A damaged image is named; the other files still come out.
  TempDir tmp;
  const std::string bad = tmp.File("scan.png"), good = tmp.File("good.txt");
  WriteFile(bad, "\x89PNG\r\n\x1a\nnot really a picture");
  WriteFile(good, kDamaged);
  const ProcessResult both = Textmend({bad, good});
  CHECK(both.exit_code == 3);
  CHECK(both.out == kRepaired);
  CHECK(both.err.find(bad + ": a damaged or unsupported PNG image") !=
        std::string::npos);
}

TEST_CASE("cli: files given together get one spelling per person", "[cli]") {
  TempDir dir;
  const std::string a = dir.File("a.txt"), b = dir.File("b.txt"),
                    c = dir.File("c.txt");
  WriteFile(a,
            "Sviatlana Tsikhanouskaya met Maria Kolesnikova in Minsk.\n"
            "Ms Tsikhanouskaya left the country a day later.\n");
  WriteFile(b, "Svetlana Tikhanovskaya spoke to reporters in Vilnius.\n");
  WriteFile(c,
            "Sviatlana Tsikhanouskaya and Maria Kalesnikava were named.\n"
            "Maria Kolesnikova was sentenced in September.\n");
  const ProcessResult r = Textmend({"-i", a, b, c});
  CHECK(r.exit_code == 0);
  CHECK(ReadFile(a) ==
        "Sviatlana Tsikhanouskaya met Maria Kolesnikova in Minsk.\n"
        "Ms Tsikhanouskaya left the country a day later.\n");
  CHECK(ReadFile(b) ==
        "Sviatlana Tsikhanouskaya spoke to reporters in Vilnius.\n");
  CHECK(ReadFile(c) ==
        "Sviatlana Tsikhanouskaya and Maria Kolesnikova were named.\n"
        "Maria Kolesnikova was sentenced in September.\n");
  // Each file alone (--scope=document) has one spelling of each already.
  WriteFile(b, "Svetlana Tikhanovskaya spoke to reporters in Vilnius.\n");
  CHECK(Textmend({"-i", "--scope=document", a, b}).exit_code == 0);
  CHECK(ReadFile(b) ==
        "Svetlana Tikhanovskaya spoke to reporters in Vilnius.\n");
}

TEST_CASE("cli: a saved name profile carries one run's choices to the next",
          "[cli]") {
  TempDir dir;
  const std::string a = dir.File("a.txt"), b = dir.File("b.txt"),
                    c = dir.File("c.txt"), profile = dir.File("names.tsv");
  WriteFile(a, "Maria Kolesnikova spoke in Minsk.\n");
  WriteFile(b, "Maria Kolesnikova was detained.\n");
  WriteFile(c, "Maria Kalesnikava was sentenced.\n");
  // The first part of a corpus: its counts are saved.
  ProcessResult r = Textmend({"--check", "--save-profile=" + profile, a, b});
  CHECK(r.exit_code == 0);
  const std::string saved = ReadFile(profile);
  CHECK(saved.starts_with("# textmend name profile 1\n"));
  CHECK(saved.find("\nm\t2\tKolesnikova\tMaria\n") != std::string::npos);
  // Alone, c has one spelling; with the profile, the corpus's wins.
  CHECK(Textmend({c}).out == "Maria Kalesnikava was sentenced.\n");
  r = Textmend({"--profile=" + profile, c});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Maria Kolesnikova was sentenced.\n");
  // Standard input too, and the profile grows with what it sees.
  r = Textmend({"--profile=" + profile, "--save-profile=" + profile},
               "Maria Kalesnikava left.\n");
  CHECK(r.out == "Maria Kolesnikova left.\n");
  CHECK(ReadFile(profile).find("m\t1\tKalesnikava\tMaria\n") !=
        std::string::npos);
  // A file that is no profile is named with its line; nothing is written.
  const std::string bad = dir.File("bad.tsv");
  WriteFile(bad, "# textmend name profile 1\nm\tmany\tKolesnikova\t\n");
  r = Textmend({"--profile=" + bad, c});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find(bad + ":2: a mention record needs a count and a surname") !=
        std::string::npos);
  CHECK(Textmend({"--profile=" + profile, "--scope=document", c}).exit_code ==
        2);
}

TEST_CASE("cli: the records of JSON Lines files are one scope for names",
          "[cli]") {
  TempDir dir;
  const std::string records = dir.File("r.jsonl");
  const std::string in =
      "{\"id\":1,\"text\":\"Maria Kolesnikova spoke.\"}\n"
      "{\"id\":2,\"text\":\"Maria Kolesnikova left.\"}\n"
      "{\"id\":3,\"text\":\"Maria Kalesnikava came.\"}\n";
  const std::string unified =
      "{\"id\":1,\"text\":\"Maria Kolesnikova spoke.\"}\n"
      "{\"id\":2,\"text\":\"Maria Kolesnikova left.\"}\n"
      "{\"id\":3,\"text\":\"Maria Kolesnikova came.\"}\n";
  WriteFile(records, in);
  CHECK(Textmend({"--jsonl", records}).out == unified);
  // From a pipe each record stands alone, unless --scope=batch is given.
  CHECK(Textmend({"--jsonl"}, in).out == in);
  CHECK(Textmend({"--jsonl", "--scope=batch"}, in).out == unified);
  CHECK(Textmend({"--jsonl", "--scope=document", records}).out == in);
}

TEST_CASE(
    "cli: missing files and directories are named, the rest still processed",
    "[cli]") {
  TempDir dir;
  const std::string good = dir.File("good.txt");
  WriteFile(good, kDamaged);
  const ProcessResult r = Textmend({dir.File("missing.txt"), dir.path(), good});
  CHECK(r.exit_code == 3);
  CHECK(r.out == kRepaired);
  CHECK(r.err.find("missing.txt: No such file or directory") !=
        std::string::npos);
  CHECK(r.err.find(dir.path() + ": Is a directory") != std::string::npos);
}

TEST_CASE("cli: -o writes the output file whole", "[cli]") {
  TempDir dir;
  const std::string in = dir.File("in.txt"), out = dir.File("out.txt");
  WriteFile(in, kDamaged);
  ProcessResult r = Textmend({"-o", out, in});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(ReadFile(out) == kRepaired);
  CHECK(dir.List() == std::vector<std::string>{"in.txt", "out.txt"});
  // An existing output keeps its mode; a failure to write leaves it as it was.
  ::chmod(out.c_str(), 0640);
  r = Textmend({"-o", out}, kClean);
  CHECK(ReadFile(out) == kClean);
  struct stat st;
  ::stat(out.c_str(), &st);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(Textmend({"-o", out, "-i", in}).exit_code == 2);
}

TEST_CASE("cli: an unreadable file is named, the rest still processed",
          "[cli]") {
  TempDir dir;
  const std::string secret = dir.File("secret.txt"),
                    good = dir.File("good.txt");
  WriteFile(secret, kDamaged);
  WriteFile(good, kDamaged);
  ::chmod(secret.c_str(), 0);
  ::chmod(good.c_str(), 0644);
  ::chmod(dir.path().c_str(), 0755);
  std::string cmd = Quote(kBinary) + " " + Quote(secret) + " " + Quote(good);
  if (::geteuid() == 0)
    cmd = "setpriv --reuid=65534 --regid=65534 --clear-groups " + cmd;
  const ProcessResult r = RunShell(cmd);
  CHECK(r.exit_code == 3);
  CHECK(r.out == kRepaired);
  CHECK(r.err.find("cannot open " + secret + ": Permission denied") !=
        std::string::npos);
}

TEST_CASE("cli: a binary file is left unchanged and named", "[cli]") {
  TempDir dir;
  const std::string bin = dir.File("prog.bin");
  const std::string data(
      "\x7F"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\x01\xEF\xAC\x81",
      18);
  WriteFile(bin, data);
  ProcessResult r = Textmend({bin});
  CHECK(r.exit_code == 3);
  CHECK(r.out == data);  // nothing is lost on the way through
  CHECK(r.err.find("prog.bin: looks binary; left unchanged") !=
        std::string::npos);
  r = Textmend({"-i", bin});
  CHECK(r.exit_code == 3);
  CHECK(ReadFile(bin) == data);
}

TEST_CASE("cli: -i rewrites changed files only", "[cli]") {
  TempDir dir;
  const std::string damaged = dir.File("damaged.txt");
  const std::string clean = dir.File("clean.txt");
  WriteFile(damaged, kDamaged);
  WriteFile(clean, kClean);
  ::chmod(damaged.c_str(), 0604);
  const ino_t clean_inode = Inode(clean);
  const ProcessResult r = Textmend({"-i", damaged, clean});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(ReadFile(damaged) == kRepaired);
  CHECK(ReadFile(clean) == kClean);
  CHECK(Inode(clean) == clean_inode);
  struct stat st;
  ::stat(damaged.c_str(), &st);
  CHECK((st.st_mode & 07777) == 0604);
  CHECK(dir.List() == std::vector<std::string>{"clean.txt", "damaged.txt"});
}

TEST_CASE("cli: -iSUFFIX and --in-place=SUFFIX keep backups", "[cli]") {
  TempDir dir;
  const std::string a = dir.File("a.txt"), b = dir.File("b.txt");
  WriteFile(a, kDamaged);
  WriteFile(b, kDamaged);
  CHECK(Textmend({"-i.bak", a}).exit_code == 0);
  CHECK(Textmend({"--in-place=~", b}).exit_code == 0);
  CHECK(ReadFile(a) == kRepaired);
  CHECK(ReadFile(a + ".bak") == kDamaged);
  CHECK(ReadFile(b + "~") == kDamaged);
}

TEST_CASE("cli: --check names what would change and changes nothing", "[cli]") {
  TempDir dir;
  const std::string damaged = dir.File("damaged.txt"),
                    clean = dir.File("clean.txt");
  WriteFile(damaged, kDamaged);
  WriteFile(clean, kClean);
  ProcessResult r = Textmend({"--check", damaged, clean});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("would repair " + damaged + " (2 changes)") !=
        std::string::npos);
  CHECK(r.err.find("clean.txt") == std::string::npos);
  CHECK(ReadFile(damaged) == kDamaged);
  CHECK(Textmend({"--check", clean}).exit_code == 0);
  CHECK(Textmend({"--check", "-i", damaged}).exit_code == 1);
  CHECK(ReadFile(damaged) == kDamaged);
}

TEST_CASE("cli: --diff prints a unified diff", "[cli]") {
  TempDir dir;
  const std::string f = dir.File("doc.txt");
  WriteFile(f, kDamaged);
  const ProcessResult r = Textmend({"--diff", f});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "--- a/" + f + "\n+++ b/" + f +
            "\n@@ -1,2 +1,2 @@\n-a \xEF\xAC\x81rst line\n"
            "-and a cafe\xCC\x81\n+a first line\n+and a caf\xC3\xA9\n");
  CHECK(ReadFile(f) == kDamaged);
  // The diff applies with patch (installed by tools/setup.sh).
  const std::string patch = dir.File("fix.patch");
  WriteFile(patch, r.out);
  REQUIRE(RunShell("command -v patch >/dev/null").exit_code == 0);
  CHECK(RunShell("cd / && patch -s -p1 < " + Quote(patch)).exit_code == 0);
  CHECK(ReadFile(f) == kRepaired);
}

TEST_CASE("cli: --report writes one JSON object per change", "[cli]") {
  TempDir dir;
  const std::string f = dir.File("doc.txt"), report = dir.File("report.jsonl");
  WriteFile(f, kDamaged);
  const ProcessResult r = Textmend({"--report=" + report, f});
  CHECK(r.exit_code == 0);
  const std::string rep = ReadFile(report);
  CHECK(
      rep ==
      "{\"file\":\"" + f +
          "\",\"line\":1,\"column\":3,\"offset\":2,\"length\":3,\"before\":"
          "\"\xEF\xAC"
          "\x81\",\"after\":\"fi\",\"stage\":\"unicode\",\"rule\":\"ligature\","
          "\"confidence\":1.0}\n"
          "{\"file\":\"" +
          f +
          "\",\"line\":2,\"column\":10,\"offset\":23,\"length\":3,\"before\":"
          "\"e\xCC"
          "\x81\",\"after\":\"\xC3\xA9\",\"stage\":\"unicode\",\"rule\":"
          "\"nfc\","
          "\"confidence\":1.0}\n");
  CHECK(Textmend({"--report", dir.File("no/such/dir/r.jsonl")}, kDamaged)
            .exit_code == 2);
  // "-": standard error, beside the text on standard output (no file "-").
  const ProcessResult dash = Textmend({"--report=-", f});
  CHECK(dash.exit_code == 0);
  CHECK(dash.out == kRepaired);
  CHECK(dash.err == rep);
}

TEST_CASE("cli: --jsonl repairs one field and passes everything else through",
          "[cli]") {
  const std::string in =
      "{\"id\":1,\"text\":\"\\ufb01ne\"}\n"
      "not json\n"
      "{\"id\":3}\n"
      "{\"text\":\"clean\",  \"keep\" : \"\\u00e9\"}\n"
      "{\"text\":\"\xEF\xAC\x82y\"}";  // no final newline
  ProcessResult r = Textmend({"--jsonl"}, in);
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "{\"id\":1,\"text\":\"fine\"}\n"
        "not json\n"
        "{\"id\":3}\n"
        "{\"text\":\"clean\",  \"keep\" : \"\\u00e9\"}\n"
        "{\"text\":\"fly\"}");
  CHECK(r.err.find("<stdin>:2: not valid JSON; passed through unchanged") !=
        std::string::npos);
  CHECK(r.err.find("<stdin>:3: has no field \"text\"") != std::string::npos);
  // Another field, and -j keeps the record order.
  std::string many, expected;
  for (int i = 0; i < 500; ++i) {
    many += "{\"n\":" + std::to_string(i) + ",\"body\":\"\\ufb00\"}\n";
    expected += "{\"n\":" + std::to_string(i) + ",\"body\":\"ff\"}\n";
  }
  r = Textmend({"--jsonl=body", "-j", "2"}, many);
  CHECK(r.out == expected);
}

TEST_CASE("cli: --jsonl keeps records that straddle read boundaries", "[cli]") {
  // Regression: the partial line at the end of each 1 MiB read was dropped.
  std::string in, expected;
  for (int i = 0; in.size() < (3 << 20) + 12345; ++i) {
    const std::string pad(static_cast<size_t>(i % 97), 'x');
    in += "{\"i\":" + std::to_string(i) + ",\"text\":\"" + pad + "\\ufb01\"}\n";
    expected +=
        "{\"i\":" + std::to_string(i) + ",\"text\":\"" + pad + "fi\"}\n";
  }
  const ProcessResult r = Textmend({"--jsonl"}, in);
  CHECK(r.exit_code == 0);
  CHECK(r.out.size() == expected.size());
  CHECK(r.out == expected);
}

TEST_CASE("cli: stages can be chosen", "[cli]") {
  CHECK(Textmend({"--no-unicode"}, kDamaged).out == kDamaged);
  CHECK(Textmend({"--stages=decode"}, kDamaged).out == kDamaged);
  CHECK(Textmend({"--stages=decode,unicode"}, kDamaged).out == kRepaired);
  CHECK(Textmend({"--straighten-quotes"}, "\xE2\x80\x9Cq\xE2\x80\x9D").out ==
        "\"q\"");
}

TEST_CASE("cli: usage errors exit 2", "[cli]") {
  CHECK(Textmend({"--no-such-flag"}).exit_code == 2);
  CHECK(Textmend({"-i"}).exit_code == 2);
  CHECK(Textmend({"-i", "-"}).exit_code == 2);
  const ProcessResult r = Textmend({"--stages=decode,spelling"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown stage 'spelling'") != std::string::npos);
  CHECK(Textmend({"-j", "0"}).exit_code == 2);
}

TEST_CASE("cli: --help and --version", "[cli]") {
  ProcessResult r = Textmend({"--help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("--in-place") != std::string::npos);
  CHECK(r.out.find("--jsonl") != std::string::npos);
  r = Textmend({"--version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("textmend ", 0) == 0);
}

TEST_CASE("cli: a file-size limit too small for the output leaves the original",
          "[cli]") {
  TempDir dir;
  const std::string f = dir.File("big.txt");
  std::string big;
  while (big.size() < 2 << 20)
    big += "a line with a \xEF\xAC\x81nal ligature\n";
  WriteFile(f, big);
  // 1024 blocks of 1 KiB: the 2 MiB rewrite cannot fit.
  const ProcessResult r =
      RunShell("ulimit -f 1024 && exec " + Quote(kBinary) + " -i " + Quote(f));
  CHECK(r.exit_code == 3);
  CHECK(r.err.find(f) != std::string::npos);
  CHECK(r.err.find("left unchanged") != std::string::npos);
  CHECK(ReadFile(f) == big);
  CHECK(dir.List() == std::vector<std::string>{"big.txt"});
}

TEST_CASE("cli: a read-only directory leaves the original", "[cli]") {
  TempDir dir;
  const std::string sub = dir.File("ro");
  std::filesystem::create_directory(sub);
  const std::string f = sub + "/doc.txt";
  WriteFile(f, kDamaged);
  ::chmod(f.c_str(), 0666);
  ::chmod(sub.c_str(), 0555);
  ::chmod(dir.path().c_str(), 0755);
  // Root ignores directory permissions: run as nobody then.
  std::string cmd = Quote(kBinary) + " -i " + Quote(f);
  if (::geteuid() == 0) {
    cmd = "setpriv --reuid=65534 --regid=65534 --clear-groups " + cmd;
  }
  const ProcessResult r = RunShell(cmd);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("cannot create a temporary file") != std::string::npos);
  CHECK(ReadFile(f) == kDamaged);
  ::chmod(sub.c_str(), 0755);
}

TEST_CASE("cli: SIGKILL during a large rewrite leaves the original", "[cli]") {
  TempDir dir;
  const std::string f = dir.File("large.txt");
  std::string line;
  for (int i = 0; i < 16; ++i)
    line +=
        "\xEF\xAC\x81"
        "x ";  // dense damage: a slow rewrite
  line += "\n";
  std::string big;
  big.reserve(64 << 20);
  while (big.size() < (64 << 20)) big += line;
  WriteFile(f, big);
  Child child({kBinary, "-i", f});
  // Wait until the temporary file has data in it, then kill.
  bool writing = false;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!writing && std::chrono::steady_clock::now() < deadline) {
    for (const std::string& name : dir.List()) {
      if (name.find(".textmend-") != std::string::npos &&
          std::filesystem::file_size(dir.File(name)) > 0) {
        writing = true;
      }
    }
    if (!writing) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  child.Kill(SIGKILL);
  child.Wait();
  REQUIRE(writing);
  CHECK(ReadFile(f) == big);
}

}  // namespace
}  // namespace textmend
