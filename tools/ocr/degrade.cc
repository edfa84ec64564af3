// ocr_degrade: degrades a page image the ways scans go wrong, for the OCR
// evaluation (tools/eval/ocr_eval.sh). Leptonica does the work.
//   ocr_degrade IN OUT rotate DEGREES   tilted page (white brought in)
//   ocr_degrade IN OUT orient QUARTERS  turned by quarter turns (sideways,
//                                       upside down)
//   ocr_degrade IN OUT blur PIXELS      box blur of that half-width
//   ocr_degrade IN OUT shade PERCENT    lit unevenly: light falling to PERCENT
//   ocr_degrade IN OUT noise SIGMA      Gaussian noise on gray levels
//   ocr_degrade IN OUT lowres DPI       scanned at DPI instead of the page's
//   own ocr_degrade IN OUT shrink F         scaled down F times, its stated
//                                       resolution unchanged
//   ocr_degrade IN OUT jpeg QUALITY     saved as JPEG at that quality
// OUT is written as PNG (JPEG for jpeg), in gray.
#include <leptonica/allheaders.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(
        stderr,
        "usage: ocr_degrade IN OUT rotate|orient|blur|shade|noise|lowres|"
        "shrink|jpeg "
        "AMOUNT\n");
    return 2;
  }
  setMsgSeverity(L_SEVERITY_ERROR);
  const std::string kind = argv[3];
  const double amount = std::atof(argv[4]);
  PIX* in = pixRead(argv[1]);
  if (in == nullptr) {
    std::fprintf(stderr, "ocr_degrade: cannot read %s\n", argv[1]);
    return 1;
  }
  const int dpi = pixGetXRes(in) > 0 ? pixGetXRes(in) : 300;
  PIX* gray = pixConvertTo8(in, 0);
  PIX* out = nullptr;
  if (kind == "rotate") {
    out = pixRotate(gray, static_cast<float>(amount * M_PI / 180.0),
                    L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
  } else if (kind == "blur") {
    const int half = static_cast<int>(amount);
    out = pixBlockconv(gray, half, half);
  } else if (kind == "noise") {
    out = pixAddGaussianNoise(gray, static_cast<float>(amount));
  } else if (kind == "lowres") {
    const float f = static_cast<float>(amount / dpi);
    out = pixScaleAreaMap(gray, f, f);
    if (out != nullptr)
      pixSetResolution(out, static_cast<int>(amount), static_cast<int>(amount));
  } else if (kind == "orient") {
    // Turned by AMOUNT quarter turns clockwise: scanned sideways (1, 3) or
    // upside down (2).
    out = pixRotateOrth(gray, static_cast<int>(amount));
  } else if (kind == "shade") {
    // Lit unevenly, as a page under a lamp or bent near the spine: the
    // light falls from full on the left to AMOUNT percent on the right.
    out = pixCopy(nullptr, gray);
    const int w = pixGetWidth(out), h = pixGetHeight(out);
    for (int y = 0; y < h; ++y) {
      l_uint32* line = pixGetData(out) + y * pixGetWpl(out);
      for (int x = 0; x < w; ++x) {
        const double light = 1.0 - (1.0 - amount / 100.0) * x / w;
        SET_DATA_BYTE(line, x,
                      static_cast<int>(GET_DATA_BYTE(line, x) * light));
      }
    }
  } else if (kind == "shrink") {
    // Scaled down by AMOUNT with its stated resolution kept, as an image
    // resized by a program that does not update it (or a screenshot).
    const float f = static_cast<float>(1.0 / amount);
    out = pixScaleAreaMap(gray, f, f);
  } else if (kind == "jpeg") {
    out = pixClone(gray);
  } else {
    std::fprintf(stderr, "ocr_degrade: unknown kind %s\n", kind.c_str());
    return 2;
  }
  if (out == nullptr) {
    std::fprintf(stderr, "ocr_degrade: %s failed\n", kind.c_str());
    return 1;
  }
  if (kind != "lowres") pixSetResolution(out, dpi, dpi);
  int ok;
  if (kind == "jpeg") {
    ok = pixWriteJpeg(argv[2], out, static_cast<int>(amount), 0);
  } else {
    ok = pixWrite(argv[2], out, IFF_PNG);
  }
  pixDestroy(&in);
  pixDestroy(&gray);
  pixDestroy(&out);
  return ok == 0 ? 0 : 1;
}
