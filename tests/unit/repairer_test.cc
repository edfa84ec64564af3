// The public API: options, changes and their offsets, the stream contract.
#include "textmend/repairer.h"

#include <catch2/catch.hpp>

#include "unit/test_util.h"

namespace textmend {
namespace {

using namespace std::string_literals;

class CollectSink final : public OutputSink {
 public:
  Status Append(std::string_view text) override {
    text_.append(text);
    ++appends_;
    return Status::Ok();
  }
  void AddChange(const Change& c) override { changes_.push_back(c); }
  std::string text_;
  std::vector<Change> changes_;
  int appends_ = 0;
};

TEST_CASE("changes point into the original bytes through several stages",
          "[repairer]") {
  // Line 2 holds a ligature, a stray control and a decomposed é.
  const std::string in = "first line\nthe \xEF\xAC\x81rst\x01 cafe\xCC\x81!\n";
  const RepairResult r = RepairText(in);
  CHECK(r.text == "first line\nthe first caf\xC3\xA9!\n");
  REQUIRE(r.changes.size() == 3);
  for (const Change& c : r.changes) {
    INFO(c.rule);
    // `before` is exactly the original bytes at [offset, offset + length).
    CHECK(in.substr(c.offset, c.length) == c.before);
    CHECK(c.line == 2);
  }
  CHECK(r.changes[0].rule == "ligature");
  CHECK(r.changes[0].column == 5);
  CHECK(r.changes[1].rule == "control");
  CHECK(r.changes[2].rule == "nfc");
  CHECK(r.changes[2].column == 14);
}

TEST_CASE("a stage after a deletion still reports original offsets",
          "[repairer]") {
  // The control byte is removed first; NFC then composes e + accent that sit
  // after it.
  const std::string in =
      "\x01"
      "e\xCC\x81";
  const RepairResult r = RepairText(in);
  CHECK(r.text == "\xC3\xA9");
  REQUIRE(r.changes.size() == 2);
  CHECK(r.changes[1].offset == 1);
  CHECK(r.changes[1].length == 3);
}

// Stream mechanics without the document-level stages (words, names), which
// would hold output back until a window is complete.
Options NoWords() {
  Options o;
  o.words = false;
  o.names = false;
  return o;
}

TEST_CASE("the stream produces output before it is finished", "[repairer]") {
  auto repairer = MakeRepairer(NoWords());
  CollectSink sink;
  auto stream = repairer->NewStream(&sink);
  REQUIRE(stream->Write("line one\nline tw").ok());
  CHECK(sink.text_ == "line one\n");
  REQUIRE(stream->Write("o\n").ok());
  CHECK(sink.text_ == "line one\nline two\n");
  REQUIRE(stream->Finish().ok());
}

TEST_CASE("stream errors are sticky", "[repairer]") {
  auto repairer = MakeRepairer();
  CollectSink sink;
  auto stream = repairer->NewStream(&sink);
  REQUIRE(stream->Finish().ok());
  CHECK_FALSE(stream->Write("x").ok());
  CHECK_FALSE(stream->status().ok());
  CHECK_FALSE(stream->Finish().ok());
}

TEST_CASE("a sink that fails stops the stream", "[repairer]") {
  class Failing final : public OutputSink {
   public:
    Status Append(std::string_view) override {
      return Status::IoError("disk full");
    }
  } sink;
  auto repairer = MakeRepairer(NoWords());
  auto stream = repairer->NewStream(&sink);
  const Status s = stream->Write("a line\n");
  CHECK(s.code() == Status::Code::kIoError);
  CHECK(s.ToString() == "I/O error: disk full");
}

TEST_CASE("options are validated", "[repairer]") {
  Options o;
  o.max_segment_bytes = 10;
  std::unique_ptr<Repairer> r;
  CHECK(Repairer::Create(o, &r).code() == Status::Code::kInvalidArgument);
  CHECK(r == nullptr);
}

TEST_CASE("stages are chosen by name", "[repairer]") {
  Options o;
  REQUIRE(SetStages("decode", &o).ok());
  CHECK(o.decode);
  CHECK_FALSE(o.unicode);
  const Status bad = SetStages("decode,spelling", &o);
  CHECK_FALSE(bad.ok());
  CHECK(bad.message().find("spelling") != std::string::npos);
  CHECK_FALSE(o.unicode);  // unchanged by the failed call
  REQUIRE(SetStage("unicode", true, &o).ok());
  CHECK(o.unicode);
  // With the unicode stage off, its damage stays.
  Options off;
  off.unicode = false;
  CHECK(RepairText("\xEF\xAC\x81", off).text == "\xEF\xAC\x81");
}

TEST_CASE("a very long line is cut into bounded segments", "[repairer]") {
  Options o = NoWords();
  o.max_segment_bytes = 4096;
  auto repairer = MakeRepairer(o);
  CollectSink sink;
  auto stream = repairer->NewStream(&sink);
  std::string word = "word\xEF\xAC\x81 ";  // every word holds a ligature
  for (int i = 0; i < 10000; ++i) REQUIRE(stream->Write(word).ok());
  // Output has been produced long before the end, with no newline anywhere.
  CHECK(sink.text_.size() > 40000);
  REQUIRE(stream->Finish().ok());
  CHECK(sink.changes_.size() == 10000);
  CHECK(sink.changes_.back().offset == 9999 * word.size() + 4);
  CHECK(sink.changes_.back().column == 9999 * 6 + 5);
}

TEST_CASE("with a learning stage, output begins when a window is complete",
          "[repairer]") {
  Options o;
  o.words = true;
  o.max_segment_bytes = 4096;
  o.document_window_bytes = 16384;
  auto repairer = MakeRepairer(o);
  CollectSink sink;
  auto stream = repairer->NewStream(&sink);
  const std::string line = "a line of ordinary text that needs nothing\n";
  REQUIRE(stream->Write(line).ok());
  CHECK(sink.text_.empty());  // held back: the window is not complete
  std::string all = line;
  while (all.size() < 20000) {
    REQUIRE(stream->Write(line).ok());
    all += line;
  }
  CHECK_FALSE(sink.text_.empty());  // the first window has gone out
  CHECK(sink.text_.size() <= 16384);
  REQUIRE(stream->Finish().ok());
  CHECK(sink.text_ == all);
}

TEST_CASE("options: the window may not be smaller than a segment",
          "[repairer]") {
  Options o;
  o.document_window_bytes = 1000;
  std::unique_ptr<Repairer> r;
  CHECK(Repairer::Create(o, &r).code() == Status::Code::kInvalidArgument);
}

TEST_CASE("missing dictionaries are a clear error, unless their stages are off",
          "[repairer]") {
  Options o;
  o.words = true;
  o.dictionary_dir = "/nonexistent";
  std::unique_ptr<Repairer> r;
  const Status s = Repairer::Create(o, &r);
  CHECK(s.code() == Status::Code::kNotSupported);
  CHECK(s.message().find("en.lex") != std::string::npos);
  CHECK(s.message().find("/nonexistent") != std::string::npos);
  // The name stage needs its first-name table (the lexicon only helps it).
  o.words = false;
  const Status names = Repairer::Create(o, &r);
  CHECK(names.code() == Status::Code::kNotSupported);
  CHECK(names.message().find("first_names.tsv") != std::string::npos);
  CHECK(names.message().find("--no-names") != std::string::npos);
  o.names = false;
  CHECK(Repairer::Create(o, &r).ok());
}

TEST_CASE("version is set", "[repairer]") { CHECK_FALSE(Version().empty()); }

}  // namespace
}  // namespace textmend
