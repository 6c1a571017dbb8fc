// What a stream carries; decides its pacer priority and its share of the
// session's bitrate.
#ifndef PARLEY_TRANSPORT_MEDIA_KIND_H
#define PARLEY_TRANSPORT_MEDIA_KIND_H

namespace parley::transport {

enum class MediaKind { kAudio, kVideo };

inline const char* mediaKindName(MediaKind kind) { return kind == MediaKind::kAudio ? "audio" : "video"; }

}  // namespace parley::transport

#endif  // PARLEY_TRANSPORT_MEDIA_KIND_H
