// Repairer: builds the pipeline from Options and hands out streams. One-shot
// repair is a single-chunk stream, which is what makes the two ways in agree.
#include "textmend/repairer.h"

#include <algorithm>

#include "core/codepage.h"
#include "core/pipeline.h"
#include "core/stream_impl.h"
#include "core/tokenizer.h"
#include "decode/decoder.h"
#include "dict/lexicon.h"
#include "encoding/encoding_stage.h"
#include "unicode/unicode_stages.h"
#include "names/names.h"
#include "words/words_stage.h"

namespace textmend {
namespace {

class StringSink final : public OutputSink {
 public:
  explicit StringSink(RepairResult* result) : result_(result) {}
  Status Append(std::string_view text) override {
    result_->text.append(text);
    return Status::Ok();
  }
  void AddChange(const Change& change) override {
    result_->changes.push_back(change);
  }

 private:
  RepairResult* result_;
};

Status BuildStages(const Options& options,
                   std::vector<std::unique_ptr<TextStage>>* stages) {
  if (options.encoding) stages->push_back(MakeEncodingStage());
  if (options.unicode) {
    for (auto& s : MakeUnicodeStages(options)) stages->push_back(std::move(s));
  }
  // The lexicon: the word stage needs it; the name stage uses it when it is
  // there (to tell common words from names).
  std::shared_ptr<const Lexicon> lexicon;
  if (options.words || options.names) {
    std::string tried;
    const std::string path =
        FindDictionary(options.dictionary_dir, "en.lex", &tried);
    if (path.empty() && options.words) {
      return Status::NotSupported(
          "the word stage needs the English lexicon en.lex, which is not in " +
          tried +
          " (build it, set TEXTMEND_DICTIONARY_DIR, or turn the word stage "
          "off with --no-words)");
    }
    if (!path.empty()) {
      std::unique_ptr<Lexicon> opened;
      Status s = Lexicon::Open(path, &opened);
      if (!s.ok()) return s;
      lexicon = std::move(opened);
    }
  }
  if (options.words) stages->push_back(MakeWordsStage(lexicon));
  if (options.names) {
    std::shared_ptr<const FirstNames> first_names;
    Status s = LoadFirstNames(options.dictionary_dir, &first_names);
    if (!s.ok()) return s;
    std::shared_ptr<const NamesDictionary> dictionary;
    s = LoadNamesDictionary(options.dictionary_dir, *first_names, &dictionary);
    if (!s.ok()) return s;
    stages->push_back(MakeNamesStage(std::move(first_names), lexicon,
                                     std::move(dictionary),
                                     options.names_dictionary,
                                     options.names_profile));
  }
  return Status::Ok();
}

class RepairerImpl final : public Repairer {
 public:
  RepairerImpl(const Options& options,
               std::vector<std::unique_ptr<TextStage>> stages)
      : options_(options), pipeline_(std::move(stages)) {}

  Status Repair(std::string_view input, RepairResult* result) const override {
    return Repair(input, {}, result);
  }

  Status Repair(std::string_view input,
                const std::vector<WordReading>& readings,
                RepairResult* result) const override {
    result->text.clear();
    result->changes.clear();
    result->text.reserve(input.size());
    StringSink sink(result);
    StreamImpl stream(options_, &pipeline_, &sink);
    // By the word tokens the stages will see ("said," as read is "said"; an
    // alternative "sald," gives "said" the alternative "sald").
    const auto Lower = [](std::string_view w) {
      bool ascii = true;
      for (const char c : w)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
      return LowerWord(w, ascii);
    };
    PageReadings page;
    std::vector<WordToken> tokens, alternative;
    for (const WordReading& r : readings) {
      if (r.offset > input.size() || r.length > input.size() - r.offset)
        continue;
      const std::string_view word = input.substr(r.offset, r.length);
      tokens.clear();
      Tokenize(word, &tokens);
      for (const WordToken& t : tokens) {
        PageReading& p = page[std::string(word.substr(t.offset, t.length))];
        p.confidence = std::max(p.confidence, r.confidence);
      }
      for (const std::string& a : r.alternatives) {
        alternative.clear();
        Tokenize(a, &alternative);
        if (alternative.size() != tokens.size()) continue;
        for (size_t k = 0; k < tokens.size(); ++k) {
          const std::string_view from =
              word.substr(tokens[k].offset, tokens[k].length);
          const std::string to = Lower(std::string_view(a).substr(
              alternative[k].offset, alternative[k].length));
          if (to == Lower(from)) continue;
          std::vector<std::string>& list = page[std::string(from)].alternatives;
          if (std::find(list.begin(), list.end(), to) == list.end())
            list.push_back(to);
        }
      }
    }
    stream.set_readings(std::move(page));
    Status s = stream.Write(input);
    if (s.ok()) s = stream.Finish();
    return s;
  }

  std::unique_ptr<Stream> NewStream(OutputSink* sink) const override {
    return std::make_unique<StreamImpl>(options_, &pipeline_, sink);
  }

  const Options& options() const override { return options_; }

 private:
  const Options options_;
  const Pipeline pipeline_;
};

}  // namespace

Status Repairer::Create(const Options& options,
                        std::unique_ptr<Repairer>* out) {
  if (options.max_segment_bytes < 4096) {
    return Status::InvalidArgument(
        "Options::max_segment_bytes must be at least 4096");
  }
  if (options.document_window_bytes < options.max_segment_bytes) {
    return Status::InvalidArgument(
        "Options::document_window_bytes must be at least max_segment_bytes");
  }
  const std::string& encoding = options.input_encoding;
  if (!encoding.empty() && encoding != "auto" && encoding != "utf-8" &&
      encoding != "utf8" && encoding != "UTF-8" &&
      FindCodePage(encoding) == CodePageId::kCount) {
    return Status::InvalidArgument(
        "unknown input encoding '" + encoding +
        "' (auto, utf-8, windows-1250..1254, windows-1257, latin-1, "
        "iso-8859-2, mac-roman, cp437, cp866, koi8-r, koi8-u)");
  }
  std::vector<std::unique_ptr<TextStage>> stages;
  Status s = BuildStages(options, &stages);
  if (!s.ok()) return s;
  *out = std::make_unique<RepairerImpl>(options, std::move(stages));
  return Status::Ok();
}

bool LooksBinary(std::string_view prefix) { return LooksBinaryPrefix(prefix); }

std::string_view Version() { return TEXTMEND_VERSION; }

}  // namespace textmend
