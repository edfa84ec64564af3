// The streaming driver; see stream_impl.h.
#include "core/stream_impl.h"

#include <algorithm>

#include "core/cut.h"
#include "core/utf8.h"

namespace textmend {

StreamImpl::StreamImpl(const Options& options, const Pipeline* pipeline,
                       OutputSink* sink)
    : options_(options),
      pipeline_(pipeline),
      sink_(sink),
      learns_(pipeline->learns()) {}

Status StreamImpl::Write(std::string_view chunk) {
  if (!status_.ok()) return status_;
  if (finished_)
    return status_ = Status::InvalidArgument("Stream::Write() after Finish()");
  // Feed at most one segment's worth at a time, so memory stays bounded
  // whatever the caller passes in one chunk.
  while (!chunk.empty() && status_.ok()) {
    const size_t n = std::min(chunk.size(), options_.max_segment_bytes);
    Feed(chunk.substr(0, n), /*at_end=*/false);
    chunk.remove_prefix(n);
  }
  return status_;
}

Status StreamImpl::Finish() {
  if (!status_.ok()) return status_;
  if (finished_)
    return status_ = Status::InvalidArgument("Stream::Finish() called twice");
  finished_ = true;
  Feed({}, /*at_end=*/true);
  return status_;
}

void StreamImpl::Emit(std::string_view text) {
  if (status_.ok() && !text.empty()) status_ = sink_->Append(text);
}

namespace {

// The code page Options::input_encoding names, or kCount ("auto", "utf-8").
CodePageId ForcedCodePage(const Options& options) {
  const std::string& name = options.input_encoding;
  if (name.empty() || name == "auto" || name == "utf-8" || name == "utf8" ||
      name == "UTF-8")
    return CodePageId::kCount;
  return FindCodePage(name);
}

bool DetectsLegacy(const Options& options) {
  return options.input_encoding.empty() || options.input_encoding == "auto";
}

}  // namespace

void StreamImpl::Feed(std::string_view bytes, bool at_end) {
  if (mode_ != Mode::kSniff) return FeedDecided(bytes, at_end);
  const CodePageId forced = ForcedCodePage(options_);
  if (options_.decode && forced != CodePageId::kCount) {
    // --input-encoding=NAME: the whole input is in that code page.
    mode_ = Mode::kUtf8;
    StartLegacy(forced, "as asked");
    return FeedDecided(bytes, at_end);
  }
  sniff_.append(bytes);
  const BomInfo bom = DetectBom(sniff_, at_end);
  if (bom.need_more) return;
  bom_length_ = bom.bom_length;
  const std::string rest = sniff_.substr(bom.bom_length);
  if (bom.encoding == InputEncoding::kUtf8) {
    // A UTF-8 BOM is kept as it is and no stage sees it.
    Emit(std::string_view(sniff_).substr(0, bom.bom_length));
    mode_ = Mode::kUtf8;
    detect_legacy_ =
        options_.decode && bom.bom_length == 0 && DetectsLegacy(options_);
  } else if (!options_.decode) {
    // Without the decode stage, UTF-16/32 is not understood: it passes through
    // untouched.
    Emit(std::string_view(sniff_).substr(0, bom.bom_length));
    mode_ = Mode::kOpaque;
  } else {
    mode_ = Mode::kUnits;
    units_.emplace(bom.encoding);
    Change c;
    c.offset = 0;
    c.length = bom.bom_length;
    c.before =
        "\xEF\xBB\xBF";  // U+FEFF, the byte order mark, which the output drops
    c.stage = "decode";
    c.rule = std::string(EncodingName(bom.encoding));
    sink_->AddChange(c);
  }
  sniff_.clear();
  sniff_.shrink_to_fit();
  FeedDecided(rest, at_end);
}

void StreamImpl::FeedDecided(std::string_view bytes, bool at_end) {
  switch (mode_) {
    case Mode::kSniff:
      return;
    case Mode::kOpaque:
      return Emit(bytes);
    case Mode::kUtf8: {
      if (detect_legacy_) {
        // ASCII so far: at the first non-ASCII byte, hold input until it is
        // clear whether it is UTF-8 or a legacy code page.
        const size_t ascii = AsciiPrefix(bytes);
        if (ascii < bytes.size()) {
          pending_.append(bytes.substr(0, ascii));
          Drain(/*at_end=*/false);
          mode_ = Mode::kDeciding;
          deciding_.assign(bytes.substr(ascii));
          return Decide(at_end);
        }
      }
      pending_.append(bytes);
      break;
    }
    case Mode::kDeciding:
      deciding_.append(bytes);
      return Decide(at_end);
    case Mode::kUnits: {
      if (legacy_) {
        legacy_->Decode(bytes, &pending_, &pending_map_);
        break;
      }
      undecoded_.append(bytes);
      const size_t used =
          units_->Decode(undecoded_, at_end, &pending_, &pending_map_);
      undecoded_.erase(0, used);
      break;
    }
  }
  Drain(at_end);
}

void StreamImpl::Decide(bool at_end) {
  // A function of the input alone, never of how it was cut into chunks:
  // when the first non-ASCII character is valid UTF-8, the input is UTF-8,
  // at once (so a pipe streams); otherwise the first kLegacySampleBytes bytes
  // from there, or all of the input, decide.
  bool first_valid = false;
  for (size_t i = 0; i < deciding_.size();) {
    if (static_cast<unsigned char>(deciding_[i]) < 0x80) {
      ++i;
      continue;
    }
    if (!at_end && deciding_.size() - i < 4) return;  // may be cut short
    size_t len = 1;
    const int32_t cp = DecodeAt(deciding_, i, &len);
    first_valid = cp >= 0;
    break;
  }
  LegacyGuess guess;
  if (!first_valid) {
    const bool complete = at_end || deciding_.size() >= kLegacySampleBytes;
    if (!complete) return;
    // The guess sees the line the first non-ASCII byte is in: "caf\xE9" is
    // plainly a word, "\xE9" alone is not.
    const size_t line_start = pending_.rfind('\n');
    const size_t context_begin =
        line_start == std::string::npos ? 0 : line_start + 1;
    const std::string sample =
        pending_.substr(std::max(context_begin, pending_.size() > 256
                                                    ? pending_.size() - 256
                                                    : size_t{0})) +
        deciding_.substr(0, kLegacySampleBytes);
    guess = GuessLegacyEncoding(sample);
  }
  detect_legacy_ = false;
  std::string held;
  held.swap(deciding_);
  mode_ = Mode::kUtf8;
  if (guess.legacy) StartLegacy(guess.page, guess.evidence);
  FeedDecided(held, at_end);
}

void StreamImpl::StartLegacy(CodePageId page, const std::string& evidence) {
  // Everything before is ASCII, identical in any code page: it maps 1:1.
  mode_ = Mode::kUnits;
  legacy_.emplace(page);
  pending_map_ = OffsetMap::Identity(pending_.size());
  units_src_ = pending_offset_;
  Change c;
  c.offset = bom_length_ + pending_offset_ + pending_.size();
  c.length = 0;
  const TextPosition at = Pipeline::Advance(position_, pending_);
  c.line = at.line;
  c.column = at.column;
  c.stage = "decode";
  c.rule = "input read as " + std::string(GetCodePage(page).name()) + ": " +
           evidence;
  sink_->AddChange(c);
}

size_t StreamImpl::FindCut(bool at_end) const {
  // Within a learned window, its end is known to be a cut point.
  const bool window = learns_ && window_left_ > 0;
  const std::string_view text = std::string_view(pending_).substr(
      0, window ? window_left_ : pending_.size());
  if (text.empty()) return 0;
  // The first line is a segment of its own (see EmitSegment), whatever the
  // chunking.
  const bool first = pending_offset_ == 0;
  const size_t newline = first ? text.find('\n') : text.rfind('\n');
  if (at_end || window) {
    return newline == std::string::npos ? text.size() : newline + 1;
  }
  if (newline != std::string::npos) return newline + 1;
  if (text.size() > options_.max_segment_bytes) {
    return SafeCut(text, options_.max_segment_bytes);
  }
  return 0;
}

size_t StreamImpl::WindowEnd(bool at_end) const {
  const size_t limit = options_.document_window_bytes;
  if (pending_.size() <= limit) return at_end ? pending_.size() : 0;
  // A full window: it ends after its last newline, or at a safe cut in a line
  // longer than the window.
  const size_t newline =
      std::string_view(pending_).substr(0, limit).rfind('\n');
  return newline != std::string::npos ? newline + 1 : SafeCut(pending_, limit);
}

void StreamImpl::Drain(bool at_end) {
  while (status_.ok()) {
    if (learns_ && window_left_ == 0) {
      const size_t end = WindowEnd(at_end);
      if (end == 0) break;
      models_ =
          pipeline_->Learn(std::string_view(pending_).substr(0, end), readings_);
      window_left_ = end;
    }
    const size_t cut = FindCut(at_end);
    if (cut == 0) break;
    EmitSegment(cut);
    if (learns_) window_left_ -= cut;
  }
}

void StreamImpl::EmitSegment(size_t length) {
  const std::string_view segment = std::string_view(pending_).substr(0, length);
  changes_.clear();
  bool repaired =
      pipeline_->Run(segment, position_, models_, &repaired_, &changes_);
  if (repaired && pending_offset_ == 0 && bom_length_ == 0) {
    // Removing characters at the very start must not leave the output beginning
    // with bytes that read as a UTF-16 byte order mark (the input did not: it
    // would have been decoded as UTF-16): a second run would decode it. Such a
    // first line passes through as it came.
    const std::string_view head = std::string_view(repaired_).substr(0, 2);
    if (head == "\xFF\xFE" || head == "\xFE\xFF") repaired = false;
  }
  if (repaired) {
    for (Change& c : changes_) {
      uint64_t begin, end;
      if (mode_ == Mode::kUnits) {
        begin = units_src_ + pending_map_.SourceBegin(c.offset);
        end = units_src_ + pending_map_.SourceEnd(c.offset + c.length);
      } else {
        begin = pending_offset_ + c.offset;
        end = begin + c.length;
      }
      c.offset = bom_length_ + begin;
      c.length = std::max(begin, end) - begin;
      sink_->AddChange(c);
    }
    Emit(repaired_);
  } else {
    Emit(segment);
  }
  position_ = Pipeline::Advance(position_, segment);
  pending_offset_ += length;
  if (mode_ == Mode::kUnits) {
    uint64_t dropped = 0;
    pending_map_ = pending_map_.DropPrefix(length, &dropped);
    units_src_ += dropped;
  }
  pending_.erase(0, length);
}

}  // namespace textmend
