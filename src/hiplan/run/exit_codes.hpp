#pragma once

namespace hiplan::run {

inline constexpr int k_exit_ok = 0;        // no errors (warnings allowed unless --strict)
inline constexpr int k_exit_findings = 1;  // findings at or above the failure level
inline constexpr int k_exit_failure = 2;   // usage error, unreadable input, bad framework

}  // namespace hiplan::run
