// Conversions of the facade's integer codes (parley.h enums, which JavaCPP
// passes as ints) into the core's types.
#ifndef PARLEY_API_FACADE_CODES_H
#define PARLEY_API_FACADE_CODES_H

#include "render/render_mode.h"

namespace parley::api {

// kRenderFullContent / kRenderFullScreen / kRenderAuto; throws
// std::invalid_argument naming any other code.
render::RenderMode renderModeFromCode(int code);

}  // namespace parley::api

#endif  // PARLEY_API_FACADE_CODES_H
