// Per-stage micro-benchmarks: MB/s of one-shot repair over clean and damaged
// text in several scripts, with each stage alone and all together. Run:
// build/tools/bench/stage_bench.
#include <benchmark/benchmark.h>

#include <string>

#include "textmend/repairer.h"

namespace {

std::string Repeat(const std::string& piece, size_t bytes) {
  std::string s;
  while (s.size() < bytes) s += piece;
  return s;
}

const std::string kEnglish =
    "The committee met on Tuesday and agreed the budget for the coming year, "
    "with \xE2\x80\x9C"
    "broad support\xE2\x80\x9D from members.\n";
const std::string kRussian =
    "\xD0\x9A\xD0\xBE\xD0\xBC\xD0\xB8\xD1\x82\xD0\xB5\xD1\x82 "
    "\xD1\x81\xD0\xBE\xD0\xB1\xD1\x80"
    "\xD0\xB0\xD0\xBB\xD1\x81\xD1\x8F \xD0\xB2\xD0\xBE "
    "\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80\xD0\xBD"
    "\xD0\xB8\xD0\xBA \xD0\xB8 "
    "\xD1\x83\xD1\x82\xD0\xB2\xD0\xB5\xD1\x80\xD0\xB4\xD0\xB8\xD0\xBB"
    " \xD0\xB1\xD1\x8E\xD0\xB4\xD0\xB6\xD0\xB5\xD1\x82.\n";
const std::string kChinese =
    "\xE5\xA7\x94\xE5\x91\x98\xE4\xBC\x9A\xE5\x91\xA8\xE4\xBA\x8C\xE5\xBC\x80"
    "\xE4\xBC\x9A\xEF"
    "\xBC\x8C\xE9\x80\x9A\xE8\xBF\x87\xE4\xBA\x86\xE9\xA2\x84\xE7\xAE\x97\xE3"
    "\x80\x82\n";
const std::string kDamaged =
    "The \xEF\xAC\x81nance of\xEF\xAC\x81"
    "cer met the cafe\xCC\x81 owner\xE2\x80\x8B today.\x01\n";

void Run(benchmark::State& state, const std::string& piece,
         const textmend::Options& o) {
  const std::string text = Repeat(piece, 4 << 20);
  std::unique_ptr<textmend::Repairer> r;
  if (!textmend::Repairer::Create(o, &r).ok()) state.SkipWithError("create");
  textmend::RepairResult result;
  for (auto _ : state) {
    if (!r->Repair(text, &result).ok()) state.SkipWithError("repair");
    benchmark::DoNotOptimize(result.text.data());
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * text.size()));
}

textmend::Options Only(const char* stages) {
  textmend::Options o;
  (void)textmend::SetStages(stages, &o);
  return o;
}

void BM_Default_English(benchmark::State& s) { Run(s, kEnglish, {}); }
void BM_Default_Russian(benchmark::State& s) { Run(s, kRussian, {}); }
void BM_Default_Chinese(benchmark::State& s) { Run(s, kChinese, {}); }
void BM_Default_DamagedEveryLine(benchmark::State& s) { Run(s, kDamaged, {}); }
void BM_CharacterStages_English(benchmark::State& s) {
  textmend::Options o;
  o.words = false;
  o.names = false;
  Run(s, kEnglish, o);
}
void BM_NamesOnly_English(benchmark::State& s) {
  Run(s, kEnglish, Only("names"));
}
void BM_WordsOnly_English(benchmark::State& s) {
  Run(s, kEnglish, Only("words"));
}
void BM_DecodeOnly_English(benchmark::State& s) {
  Run(s, kEnglish, Only("decode"));
}
void BM_UnicodeOnly_Russian(benchmark::State& s) {
  Run(s, kRussian, Only("unicode"));
}

BENCHMARK(BM_Default_English);
BENCHMARK(BM_Default_Russian);
BENCHMARK(BM_Default_Chinese);
BENCHMARK(BM_Default_DamagedEveryLine);
BENCHMARK(BM_CharacterStages_English);
BENCHMARK(BM_NamesOnly_English);
BENCHMARK(BM_WordsOnly_English);
BENCHMARK(BM_DecodeOnly_English);
BENCHMARK(BM_UnicodeOnly_Russian);

}  // namespace

BENCHMARK_MAIN();
