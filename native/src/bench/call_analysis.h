// The call harness's figures from counters and samples: the window's
// differences of both calls' stats, the timeline's means and percentiles,
// and the rate controller's settle times under a cap.
#ifndef PARLEY_BENCH_CALL_ANALYSIS_H
#define PARLEY_BENCH_CALL_ANALYSIS_H

#include <vector>

#include "bench/call_pipeline_harness.h"
#include "call/call_media_stats.h"

namespace parley::bench {

const transport::MediaStreamStats* findStream(const std::vector<transport::MediaStreamStats>& streams,
                                              transport::MediaKind kind);

// One video direction's counters over the window: the sender's and the
// receiver's stats at its start and end.
void fillVideoCounters(const call::CallMediaStats& senderStart, const call::CallMediaStats& senderEnd,
                       const call::CallMediaStats& receiverStart,
                       const call::CallMediaStats& receiverEnd, double windowSeconds,
                       VideoFigures& figures);

// B's audio (A's sending) and the session figures over the window.
void fillAudioAndSession(const call::CallMediaStats& aStart, const call::CallMediaStats& aEnd,
                         const call::CallMediaStats& bStart, const call::CallMediaStats& bEnd,
                         double windowSeconds, CallHarnessResult& result);

// Jitter-buffer delays from the timeline's samples at or after fromSeconds.
void fillTimelineFigures(const CallHarnessConfig& config, double fromSeconds,
                         CallHarnessResult& result);

// Settle times, offered load and queueing from the timeline (issue 5).
void analyseRate(const CallHarnessConfig& config, CallHarnessResult& result);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_CALL_ANALYSIS_H
