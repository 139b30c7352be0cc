//===- SymbolLoaders.h - functions loaded by name ---------------*- C++ -*-===//
//
// `dlsym(lib, "jack_connect")` is the library function of that name (rules apply to it by
// name). Code often loads through its own helper, which passes the name on as a parameter: DPF's
// `lib_symbol<F>(lib, "jack_connect")` returns `(F)dlsym(lib, symbol)`. A call of such a helper
// with a string literal for that parameter loads the function of that name too. The helper must
// be visible in the TU (a template or an inline function), and every value it returns must be
// null or the symbol it loads; helpers of helpers are seen through a few levels deep.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_EXTRACT_SYMBOLLOADERS_H
#define RTCHECK_EXTRACT_SYMBOLLOADERS_H

#include "clang/AST/Expr.h"
#include <string>

namespace rtcheck {

/// The name of the function E loads (`dlsym`/`dlvsym` with a literal name, or a helper as
/// above called with one); empty when E loads nothing by a known name.
std::string symbolLoadedBy(const clang::Expr *E);

} // namespace rtcheck

#endif
