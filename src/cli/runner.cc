// The CLI's driver over the library and src/io.
#include "cli/runner.h"

#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <mutex>
#include <sstream>
#include <thread>

#include "io/diff.h"
#include "io/in_place.h"
#include "io/jsonl.h"
#include "io/report.h"
#include "io/transfer.h"
#include "names/names.h"
#include "ocr/ocr.h"
#include "ocr/ocr_module.h"
#include "textmend/repairer.h"

namespace textmend {
namespace {

// Makes `temp` (written through `temp_file`) the file `path` atomically:
// synced and renamed over it, with `path`'s mode if it exists, else the usual
// mode (0666 less the umask, not mkstemp's 0600). On failure `path` is as it
// was and `temp` is removed.
Status WriteAtomically(const std::string& path, WritableFile* temp_file,
                       const std::string& temp) {
  Status s = temp_file->Sync();
  if (s.ok()) s = temp_file->Close();
  if (s.ok()) {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    FileInfo info;
    if (RealFileSystem()->Stat(path, &info).ok() && info.exists) {
      s = RealFileSystem()->CopyAttributes(temp, info);
    } else if (::chmod(temp.c_str(), 0666 & ~mask) != 0) {
      s = Status::IoError("cannot set the mode of " + temp);
    }
  }
  if (s.ok()) s = RealFileSystem()->Rename(temp, path);
  if (!s.ok()) (void)RealFileSystem()->Remove(temp);
  return s;
}

// What one input produced; printed in input order.
struct Outcome {
  std::string output;    // stdout text, when buffered (-j > 1, --diff)
  std::string messages;  // stderr text
  std::string report;    // --report records
  bool failed = false;   // exit 3
  bool would_change = false;
};

std::string DisplayName(const std::string& file) {
  return file == "-" ? "<stdin>" : file;
}

// Runs job(i, &outcomes[i]) for i in [0, n) on `jobs` threads and calls emit(i,
// outcome) in order as soon as each job and all before it are done.
void RunOrdered(size_t n, unsigned jobs,
                const std::function<void(size_t, Outcome*)>& job,
                const std::function<void(size_t, Outcome&)>& emit) {
  if (jobs <= 1 || n <= 1) {
    for (size_t i = 0; i < n; ++i) {
      Outcome o;
      job(i, &o);
      emit(i, o);
    }
    return;
  }
  std::vector<Outcome> outcomes(n);
  std::vector<char> done(n, 0);
  std::mutex mu;
  std::condition_variable cv;
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < std::min<size_t>(jobs, n); ++w) {
    workers.emplace_back([&] {
      for (size_t i; (i = next++) < n;) {
        job(i, &outcomes[i]);
        std::lock_guard<std::mutex> lock(mu);
        done[i] = 1;
        cv.notify_all();
      }
    });
  }
  for (size_t i = 0; i < n; ++i) {
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return done[i] != 0; });
    }
    emit(i, outcomes[i]);
    outcomes[i] = Outcome();  // free the buffered output
  }
  for (auto& t : workers) t.join();
}

class Runner {
 public:
  Runner(const CliConfig& config, const Repairer& repairer)
      : config_(config), repairer_(repairer) {}

  int Run() {
    if (!config_.report_path.empty()) {
      Status s = OpenReport();
      if (!s.ok()) {
        fmt::print(stderr, "textmend: {}\n", s.message());
        return kExitUsage;
      }
    }
    std::vector<std::string> inputs = config_.files;
    if (inputs.empty()) inputs.push_back("-");
    std::string output_temp;
    if (config_.output_path.empty()) {
      stdout_ = StdoutFile();
    } else {
      // -o: a temporary file beside the output, renamed over it at the end, so
      // a reader never sees half of it and a failed run leaves an earlier
      // output in place.
      Status s = RealFileSystem()->CreateTempBeside(config_.output_path,
                                                    &output_temp, &stdout_);
      if (!s.ok()) {
        fmt::print(stderr, "textmend: {}\n", s.message());
        return kExitInputFailed;
      }
    }
    // JSON Lines inputs stream one after another (-j spreads records inside
    // each), and so do fewer inputs than jobs among which are page images
    // (-j spreads their pages); other inputs are spread over the jobs and
    // buffered so that output keeps input order.
    page_parallel_ = inputs.size() < config_.jobs && AnyImage(inputs);
    const unsigned file_jobs =
        config_.jsonl || page_parallel_ ? 1 : config_.jobs;
    const bool buffered = file_jobs > 1;
    RunOrdered(
        inputs.size(), file_jobs,
        [&](size_t i, Outcome* o) {
          if (config_.jsonl) {
            ProcessJsonl(inputs[i], o);
          } else {
            ProcessOne(inputs[i], buffered, o);
          }
        },
        [&](size_t, Outcome& o) { Emit(o); });
    if (report_) (void)report_->Close();
    if (!output_temp.empty()) {
      const Status s =
          WriteAtomically(config_.output_path, stdout_.get(), output_temp);
      if (!s.ok()) {
        fmt::print(stderr, "textmend: {}: {}; not written\n",
                   config_.output_path, s.message());
        return kExitInputFailed;
      }
    }
    if (failed_) return kExitInputFailed;
    if (config_.check && would_change_) return kExitWouldChange;
    return kExitOk;
  }

 private:
  Status OpenReport() {
    report_ = std::make_unique<ReportFile>(config_.report_path);
    if (!report_->ok()) {
      report_.reset();
      return Status::IoError("cannot write report " + config_.report_path +
                             ": " + ErrnoMessage(errno));
    }
    return Status::Ok();
  }

  // Appends to the report file through stdio; records arrive in input order.
  class ReportFile {
   public:
    // "-": standard error (standard output carries the text).
    explicit ReportFile(const std::string& path)
        : f_(path == "-" ? stderr : std::fopen(path.c_str(), "w")) {}
    ~ReportFile() { (void)Close(); }
    bool ok() const { return f_ != nullptr; }
    void Append(std::string_view s) {
      if (f_ != nullptr) std::fwrite(s.data(), 1, s.size(), f_);
    }
    Status Close() {
      if (f_ == stderr) {
        f_ = nullptr;
        return std::fflush(stderr) == 0
                   ? Status::Ok()
                   : Status::IoError("cannot write the report");
      }
      if (f_ != nullptr && std::fclose(f_) != 0) {
        f_ = nullptr;
        return Status::IoError("cannot write the report");
      }
      f_ = nullptr;
      return Status::Ok();
    }

   private:
    FILE* f_;
  };

  void Emit(Outcome& o) {
    if (!o.output.empty()) {
      Status s = stdout_->Append(o.output);
      if (s.ok()) s = stdout_->Flush();
      if (!s.ok()) {
        fmt::print(stderr, "textmend: standard output: {}\n", s.message());
        failed_ = true;
      }
    }
    if (!o.messages.empty()) {
      (void)stdout_->Flush();
      std::fputs(o.messages.c_str(), stderr);
    }
    if (report_ && !o.report.empty()) report_->Append(o.report);
    failed_ = failed_ || o.failed;
    would_change_ = would_change_ || o.would_change;
  }

  ChangeCallback ReportCallback(const std::string& name, Outcome* o) const {
    if (!report_) return {};
    return [name, o](const Change& c) { o->report += ReportRecord(name, c); };
  }

  // Whether a FILE among `inputs` is a page image (standard input is not
  // looked at before it is read).
  static bool AnyImage(const std::vector<std::string>& inputs) {
    for (const std::string& file : inputs) {
      if (file == "-") continue;
      std::ifstream in(file, std::ios::binary);
      char head[8] = {};
      in.read(head, sizeof head);
      if (SniffImage(std::string_view(
              head, static_cast<size_t>(in.gcount()))) != ImageKind::kNone)
        return true;
    }
    return false;
  }

  // A page image: recognized, then repaired as text. Its pages are read by
  // -j engines at once when there are fewer files than jobs, else each file
  // by its thread's own engine. With stderr a terminal, a file of several
  // pages shows its progress there.
  void ProcessImage(ReadableFile* in, const std::string& prefix,
                    const std::string& name, WritableFile* dest,
                    const ChangeCallback& on_change, Outcome* o) {
    if (config_.check || config_.diff) {
      return Fail(o, name +
                         ": an image; --check and --diff compare text (write "
                         "its text with textmend FILE or -o)");
    }
    std::string bytes;
    Status s = ReadRest(in, prefix, &bytes);
    if (!s.ok()) return Fail(o, name + ": " + s.message());
    const OcrModule* module = nullptr;
    s = LoadOcrModule(&module);
    if (!s.ok()) return Fail(o, name + ": " + s.message());
    OcrOptions ocr;
    ocr.language = config_.ocr_language;
    ocr.psm = config_.ocr_psm;
    std::vector<OcrEngine*> engines;
    // (Pages in parallel: files one at a time, sharing the engines.)
    std::unique_lock<std::mutex> ocr_lock(ocr_mu_, std::defer_lock);
    if (page_parallel_) {
      ocr_lock.lock();
      while (engines_.size() < config_.jobs) {
        std::unique_ptr<OcrEngine> engine;
        s = module->make_engine(ocr, &engine);
        if (!s.ok()) return Fail(o, name + ": " + s.message());
        engines_.push_back(std::move(engine));
      }
      for (const auto& e : engines_) engines.push_back(e.get());
    } else {
      thread_local std::unique_ptr<OcrEngine> engine;
      if (engine == nullptr) {
        s = module->make_engine(ocr, &engine);
        if (!s.ok()) return Fail(o, name + ": " + s.message());
      }
      engines.push_back(engine.get());
    }
    const OcrFormat format = config_.ocr_format == "hocr"  ? OcrFormat::kHocr
                             : config_.ocr_format == "tsv" ? OcrFormat::kTsv
                                                           : OcrFormat::kText;
    std::string text;
    std::vector<std::string> failed;
    bool shown = false;
    const PageProgress progress = [&](size_t done, size_t total) {
      if (total == 1) return;
      shown = true;
      if (total > 0) {
        fmt::print(stderr, "\rtextmend: {}: page {} of {}", name, done, total);
      } else {
        fmt::print(stderr, "\rtextmend: {}: page {}", name, done);
      }
      std::fflush(stderr);
    };
    std::vector<OcrWord> words;
    s = module->recognize_pages(bytes, name, engines, &text, &failed, format,
                                ::isatty(STDERR_FILENO) ? progress : nullptr,
                                &words);
    if (shown) fmt::print(stderr, "\r\033[K");  // the line cleared
    for (const std::string& m : failed) Fail(o, m);
    if (!s.ok()) return Fail(o, s.message());
    if (format != OcrFormat::kText) {
      // Positions belong to the words as read: hOCR and TSV are not repaired.
      s = dest->Append(text);
      if (s.ok()) s = dest->Flush();
      if (!s.ok()) return Fail(o, name + ": " + s.message());
      return;
    }
    // The word stage is told how sure Tesseract was of each word, and what
    // else it nearly read there.
    std::vector<WordReading> readings;
    readings.reserve(words.size());
    for (OcrWord& w : words) {
      readings.push_back({w.offset, w.length, w.confidence / 100.0f,
                          std::move(w.alternatives)});
    }
    RepairResult result;
    s = repairer_.Repair(text, readings, &result);
    if (!s.ok()) return Fail(o, name + ": " + s.message());
    for (const Change& c : result.changes) {
      if (on_change) on_change(c);
    }
    s = dest->Append(result.text);
    if (s.ok()) s = dest->Flush();
    if (!s.ok()) return Fail(o, name + ": " + s.message());
    if (!result.changes.empty()) o->would_change = true;
  }

  void Fail(Outcome* o, const std::string& message) {
    o->messages += "textmend: " + message + "\n";
    o->failed = true;
  }

  // Opens `file` ("-": stdin) for reading, or records why not.
  std::unique_ptr<ReadableFile> Open(const std::string& file, Outcome* o) {
    if (file == "-") {
      return config_.stdin_text != nullptr ? StringReader(*config_.stdin_text)
                                           : StdinFile();
    }
    FileInfo info;
    Status s = StatInput(RealFileSystem(), file, &info);
    std::unique_ptr<ReadableFile> in;
    if (s.ok()) s = RealFileSystem()->OpenRead(file, &in);
    if (!s.ok()) {
      Fail(o, s.message());
      return nullptr;
    }
    return in;
  }

  void ProcessOne(const std::string& file, bool buffered, Outcome* o) {
    const std::string name = DisplayName(file);
    const ChangeCallback on_change = ReportCallback(name, o);
    const bool dry = config_.check || config_.diff;
    if (config_.in_place && !dry) {
      InPlaceResult r;
      Status s = RewriteInPlace(RealFileSystem(), file, repairer_,
                                config_.backup_suffix, on_change, &r);
      if (!s.ok()) return Fail(o, s.message());
      if (r.binary) return Fail(o, name + ": looks binary; left unchanged");
      if (config_.verbose && r.changes > 0) {
        o->messages += fmt::format("textmend: repaired {} ({} changes)\n", name,
                                   r.changes);
      }
      return;
    }
    std::unique_ptr<ReadableFile> in = Open(file, o);
    if (!in) return;
    // Output goes to stdout as it comes, or into this input's outcome when
    // several inputs run at once and must be printed in order.
    std::unique_ptr<WritableFile> buffer =
        buffered ? StringFile(&o->output) : nullptr;
    WritableFile* dest = buffered ? buffer.get() : stdout_.get();
    std::string prefix;
    bool binary = false;
    Status s = SniffInput(in.get(), &prefix, &binary);
    if (!s.ok()) return Fail(o, name + ": " + s.message());
    if (SniffImage(prefix) != ImageKind::kNone)
      return ProcessImage(in.get(), prefix, name, dest, on_change, o);
    if (binary) {
      if (!dry) {
        // Nothing is lost: a binary input goes to stdout as it came.
        s = CopyInto(in.get(), prefix, dest);
        if (!s.ok()) return Fail(o, name + ": " + s.message());
      }
      return Fail(o, name + ": looks binary; left unchanged");
    }
    size_t changes = 0;
    if (config_.diff) {
      std::string original;
      s = ReadRest(in.get(), prefix, &original);
      RepairResult result;
      if (s.ok()) s = repairer_.Repair(original, &result);
      if (!s.ok()) return Fail(o, name + ": " + s.message());
      for (const Change& c : result.changes) {
        if (on_change) on_change(c);
      }
      changes = result.changes.size();
      o->output += UnifiedDiff(original, result.text, name);
    } else if (config_.check) {
      // Discard output as it comes; only the count matters.
      std::unique_ptr<WritableFile> null = NullFile();
      s = RepairInto(in.get(), prefix, repairer_, null.get(), on_change,
                     &changes);
      if (!s.ok()) return Fail(o, name + ": " + s.message());
    } else {
      s = RepairInto(in.get(), prefix, repairer_, dest, on_change, &changes);
      if (!s.ok()) return Fail(o, name + ": " + s.message());
    }
    if (changes > 0) {
      o->would_change = true;
      if (config_.check) {
        o->messages += fmt::format("would repair {} ({} change{})\n", name,
                                   changes, changes == 1 ? "" : "s");
      }
    }
  }

  // JSON Lines: the records stream through src/io's RepairJsonl; messages
  // and report records are collected for this input's outcome.
  void ProcessJsonl(const std::string& file, Outcome* o) {
    const std::string name = DisplayName(file);
    std::unique_ptr<ReadableFile> in = Open(file, o);
    if (!in) return;
    class Observer final : public JsonlObserver {
     public:
      Observer(const Runner& r, const std::string& name, Outcome* o)
          : runner_(r), name_(name), o_(o) {}
      void Skipped(uint64_t line, JsonlOutcome outcome) override {
        o_->messages += fmt::format(
            "textmend: {}:{}: {}; passed through unchanged\n", name_, line,
            DescribeOutcome(outcome, runner_.config_.jsonl_field));
      }
      void Repaired(uint64_t line,
                    const std::vector<Change>& changes) override {
        if (!runner_.report_) return;
        for (const Change& c : changes) {
          o_->report += ReportRecord(name_, c, static_cast<int64_t>(line));
        }
      }

     private:
      const Runner& runner_;
      const std::string& name_;
      Outcome* o_;
    } observer(*this, name, o);

    size_t repaired = 0;
    Status s;
    if (config_.diff) {
      std::string original, output;
      s = ReadRest(in.get(), "", &original);
      std::unique_ptr<ReadableFile> reader = StringReader(original);
      std::unique_ptr<WritableFile> sink = StringFile(&output);
      if (s.ok()) {
        s = RepairJsonl(reader.get(), repairer_, config_.jsonl_field,
                        config_.jobs, sink.get(), &observer, &repaired);
      }
      o->output += UnifiedDiff(original, output, name);
    } else {
      std::unique_ptr<WritableFile> null = NullFile();
      s = RepairJsonl(in.get(), repairer_, config_.jsonl_field, config_.jobs,
                      config_.check ? null.get() : stdout_.get(), &observer,
                      &repaired);
    }
    if (!s.ok()) return Fail(o, name + ": " + s.message());
    if (repaired > 0) {
      o->would_change = true;
      if (config_.check) {
        o->messages += fmt::format("would repair {} ({} record{})\n", name,
                                   repaired, repaired == 1 ? "" : "s");
      }
    }
  }

  const CliConfig& config_;
  const Repairer& repairer_;
  std::unique_ptr<WritableFile> stdout_;
  std::unique_ptr<ReportFile> report_;
  bool page_parallel_ = false;  // see Run
  std::mutex ocr_mu_;
  std::vector<std::unique_ptr<OcrEngine>> engines_;  // -j of them, for pages
  bool failed_ = false;
  bool would_change_ = false;
};

}  // namespace

// With the name stage on, in batch scope, when the batch is more than one
// document (several FILEs, -i, JSON Lines records) or a profile is read or
// saved: the names of the whole batch, observed before anything is written,
// so that one person gets one spelling across it. Files that cannot be read
// are left to the main pass, which reports them. Standard input is read in
// full first when it must be observed (JSON Lines with --scope=batch given,
// or a profile to save).
Status ObserveBatchNames(CliConfig* config, Options* options) {
  if (!options->names || config->names_scope != "batch") return Status::Ok();
  std::vector<std::string> inputs = config->files;
  if (inputs.empty()) inputs.push_back("-");
  size_t files = 0;
  for (const std::string& f : inputs) files += f != "-";
  const bool profiles =
      !config->profile_path.empty() || !config->save_profile_path.empty();
  const bool read_stdin =
      files < inputs.size() && (!config->save_profile_path.empty() ||
                                (config->jsonl && config->names_scope_given));
  const bool batch = files >= 2 || (config->in_place && files == 1) ||
                     (config->jsonl && files >= 1) || read_stdin;
  if (!batch && !profiles) return Status::Ok();
  std::shared_ptr<const FirstNames> first_names;
  Status s = LoadFirstNames(options->dictionary_dir, &first_names);
  if (!s.ok()) return s;
  std::shared_ptr<const Lexicon> lexicon;
  std::string tried;
  const std::string path =
      FindDictionary(options->dictionary_dir, "en.lex", &tried);
  if (!path.empty()) {
    std::unique_ptr<Lexicon> opened;
    if (Lexicon::Open(path, &opened).ok()) lexicon = std::move(opened);
  }
  std::shared_ptr<const NamesDictionary> dictionary;
  s = LoadNamesDictionary(options->dictionary_dir, *first_names, &dictionary);
  if (!s.ok()) return s;
  auto profile = std::make_shared<NameProfile>(first_names, lexicon, dictionary,
                                               options->names_dictionary);
  if (!config->profile_path.empty()) {
    std::ifstream in(config->profile_path, std::ios::binary);
    if (!in) {
      return Status::IoError("cannot read " + config->profile_path + ": " +
                             ErrnoMessage(errno));
    }
    std::ostringstream text;
    text << in.rdbuf();
    s = profile->Merge(text.str(), config->profile_path);
    if (!s.ok()) return s;
  }
  const auto observe = [&](ReadableFile* in) {
    if (config->jsonl) {
      return ForEachJsonlText(in, config->jsonl_field,
                              [&](std::string_view t) { profile->Observe(t); });
    }
    std::string text;
    Status r = ReadRest(in, "", &text);
    if (r.ok()) profile->Observe(text);
    return r;
  };
  for (const std::string& f : inputs) {
    if (f == "-") {
      if (!read_stdin || config->stdin_text != nullptr) continue;
      auto text = std::make_shared<std::string>();
      std::unique_ptr<ReadableFile> in = StdinFile();
      s = ReadRest(in.get(), "", text.get());
      if (!s.ok()) return Status::IoError("standard input: " + s.message());
      config->stdin_text = text;
      std::unique_ptr<ReadableFile> again = StringReader(*text);
      (void)observe(again.get());
      continue;
    }
    std::unique_ptr<ReadableFile> in;
    if (!RealFileSystem()->OpenRead(f, &in).ok()) continue;
    (void)observe(in.get());
  }
  if (!config->save_profile_path.empty()) {
    std::string temp;
    std::unique_ptr<WritableFile> out;
    s = RealFileSystem()->CreateTempBeside(config->save_profile_path, &temp,
                                           &out);
    if (s.ok()) s = out->Append(profile->Serialize());
    if (s.ok()) {
      s = WriteAtomically(config->save_profile_path, out.get(), temp);
    } else if (!temp.empty()) {
      (void)RealFileSystem()->Remove(temp);
    }
    if (!s.ok()) {
      return Status::IoError("cannot write the name profile " +
                             config->save_profile_path + ": " + s.message());
    }
  }
  options->names_profile = std::move(profile);
  return Status::Ok();
}

int RunCli(const CliConfig& config_in) {
  CliConfig config = config_in;
  Status observed = ObserveBatchNames(&config, &config.options);
  if (!observed.ok()) {
    fmt::print(stderr, "textmend: {}\n", observed.message());
    return kExitUsage;
  }
  std::unique_ptr<Repairer> repairer;
  Status s = Repairer::Create(config.options, &repairer);
  if (!s.ok()) {
    fmt::print(stderr, "textmend: {}\n", s.message());
    return kExitUsage;
  }
  Runner runner(config, *repairer);
  return runner.Run();
}

}  // namespace textmend
