#include "ldt/report/render.hpp"

namespace ldt {

void render(const Document& document, const RenderOptions& options, const Sink& sink) {
  switch (options.format) {
    case Format::table:
      render_text(document, options, sink);
      return;
    case Format::csv:
      render_csv(document, options, sink);
      return;
    case Format::md:
      render_markdown(document, options, sink);
      return;
    case Format::json:
      render_json(document, options, sink);
      return;
  }
}

std::string render_to_string(const Document& document, const RenderOptions& options) {
  std::string out;
  render(document, options, [&](std::string_view piece) { out.append(piece); });
  return out;
}

}  // namespace ldt
