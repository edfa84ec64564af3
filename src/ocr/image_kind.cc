// What a file is, from its first bytes; see ocr.h. Kept apart from the OCR
// engine (ocr.cc), which only the OCR module links: the CLI sniffs every input
// without loading Tesseract.
#include "ocr/ocr.h"

namespace textmend {

bool TextPageSegMode(int psm) { return psm == 1 || (psm >= 3 && psm <= 13); }

ImageKind SniffImage(std::string_view head) {
  const auto starts = [&](std::string_view magic) {
    return head.substr(0, magic.size()) == magic;
  };
  if (starts("\x89PNG\r\n\x1a\n")) return ImageKind::kPng;
  if (starts("\xFF\xD8\xFF")) return ImageKind::kJpeg;
  if (starts(std::string_view("II*\0", 4)) ||
      starts(std::string_view("MM\0*", 4)))
    return ImageKind::kTiff;
  if (starts("%PDF-")) return ImageKind::kPdf;
  if (head.size() >= 3 && head[0] == 'P' && head[1] >= '1' && head[1] <= '6' &&
      (head[2] == '\n' || head[2] == ' ' || head[2] == '\r' || head[2] == '\t'))
    return ImageKind::kPnm;
  return ImageKind::kNone;
}

std::string_view ImageKindName(ImageKind kind) {
  switch (kind) {
    case ImageKind::kPng:
      return "PNG";
    case ImageKind::kJpeg:
      return "JPEG";
    case ImageKind::kTiff:
      return "TIFF";
    case ImageKind::kPnm:
      return "PNM";
    case ImageKind::kPdf:
      return "PDF";
    case ImageKind::kNone:
      break;
  }
  return "not an image";
}

}  // namespace textmend
