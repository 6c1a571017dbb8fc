#include "srtp/lib_srtp.h"

#include <srtp2/srtp.h>

#include <mutex>

namespace parley::srtp {
namespace {

// Guards the count and the init/shutdown transitions, so a reference taken
// while another thread drops the last one never sees a half-shut library.
std::mutex& libraryMutex() {
  static std::mutex mutex;
  return mutex;
}
int liveReferences = 0;

}  // namespace

LibSrtp::Reference::Reference() {
  std::lock_guard<std::mutex> lock(libraryMutex());
  if (liveReferences == 0) {
    status_ = srtp_init();
    if (status_ != srtp_err_status_ok) return;  // not counted: nothing to shut down
  } else {
    status_ = srtp_err_status_ok;
  }
  ++liveReferences;
}

LibSrtp::Reference::~Reference() {
  if (!ok()) return;
  std::lock_guard<std::mutex> lock(libraryMutex());
  if (--liveReferences == 0) srtp_shutdown();
}

int LibSrtp::referenceCount() {
  std::lock_guard<std::mutex> lock(libraryMutex());
  return liveReferences;
}

const char* LibSrtp::errorName(int status) {
  switch (status) {
    case srtp_err_status_ok:
      return "ok";
    case srtp_err_status_fail:
      return "fail";
    case srtp_err_status_bad_param:
      return "bad_param";
    case srtp_err_status_alloc_fail:
      return "alloc_fail";
    case srtp_err_status_dealloc_fail:
      return "dealloc_fail";
    case srtp_err_status_init_fail:
      return "init_fail";
    case srtp_err_status_terminus:
      return "terminus";
    case srtp_err_status_auth_fail:
      return "auth_fail";
    case srtp_err_status_cipher_fail:
      return "cipher_fail";
    case srtp_err_status_replay_fail:
      return "replay_fail";
    case srtp_err_status_replay_old:
      return "replay_old";
    case srtp_err_status_algo_fail:
      return "algo_fail";
    case srtp_err_status_no_such_op:
      return "no_such_op";
    case srtp_err_status_no_ctx:
      return "no_ctx";
    case srtp_err_status_cant_check:
      return "cant_check";
    case srtp_err_status_key_expired:
      return "key_expired";
    case srtp_err_status_socket_err:
      return "socket_err";
    case srtp_err_status_signal_err:
      return "signal_err";
    case srtp_err_status_nonce_bad:
      return "nonce_bad";
    case srtp_err_status_read_fail:
      return "read_fail";
    case srtp_err_status_write_fail:
      return "write_fail";
    case srtp_err_status_parse_err:
      return "parse_err";
    case srtp_err_status_encode_err:
      return "encode_err";
    case srtp_err_status_semaphore_err:
      return "semaphore_err";
    case srtp_err_status_pfkey_err:
      return "pfkey_err";
    case srtp_err_status_bad_mki:
      return "bad_mki";
    case srtp_err_status_pkt_idx_old:
      return "pkt_idx_old";
    case srtp_err_status_pkt_idx_adv:
      return "pkt_idx_adv";
  }
  return "unknown";
}

const char* LibSrtp::version() { return srtp_get_version_string(); }

}  // namespace parley::srtp
