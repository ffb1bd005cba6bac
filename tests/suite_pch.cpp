// Compiled only so that the precompiled header every suite shares is built with the suites'
// flags (tests/CMakeLists.txt).
