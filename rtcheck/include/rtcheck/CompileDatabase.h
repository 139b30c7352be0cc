//===- CompileDatabase.h - compile commands and program selection -*- C++ -*-===//
//
// Where the analyzer's compile commands come from (a compile_commands.json, or flags given after
// `--`) and which of them make up the one program that is extracted and linked together. Clang's
// tooling types are only forward-declared here: this header is included by the tools.
//
//===----------------------------------------------------------------------===//
#ifndef RTCHECK_COMPILEDATABASE_H
#define RTCHECK_COMPILEDATABASE_H

#include "rtcheck/Emit.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
struct CompileCommand;
} // namespace clang::tooling

namespace rtcheck {

/// Where to find compile commands, in order of precedence.
struct DatabaseOptions {
  /// Flags after `--`: every file is compiled with these, no database is read.
  std::optional<std::vector<std::string>> FixedFlags;
  /// `-p`: a build directory holding compile_commands.json, or the file itself.
  std::string BuildPath;
  /// Otherwise a database is searched for in the directories above this source file.
  std::string SearchFrom;
};

/// The compile commands of one program, and the named files that have none. Kept apart from the
/// database so that other sources of programs (a CMake File API target) can produce one.
struct Program {
  Program();
  Program(Program &&);
  Program &operator=(Program &&);
  ~Program();

  std::vector<clang::tooling::CompileCommand> Commands;
  /// Commands of the database identical to one in Commands (same file, directory and command
  /// line): analysed once, counted here.
  unsigned Merged = 0;
  /// Files the user named that no accepted command compiles: reported, not analysed.
  std::vector<InputError> Errors;
};

class CompileDatabase {
public:
  /// Opens the database DatabaseOptions describes. Errors are one line naming the path.
  static llvm::Expected<CompileDatabase> load(const DatabaseOptions &Options);

  /// The commands to analyse: for each of Files the first of its commands that Select (a regular
  /// expression over the command line and the output path; empty: any) accepts, or, with no
  /// Files, every accepted command of the database. Two commands for one file with different
  /// flags are both kept; exact duplicates are kept once and counted in Program::Merged.
  llvm::Expected<Program> selectProgram(llvm::ArrayRef<std::string> Files,
                                        llvm::StringRef Select) const;

  CompileDatabase(CompileDatabase &&);
  CompileDatabase &operator=(CompileDatabase &&);
  ~CompileDatabase();

  /// The build directory of a `-p` database; empty for flags after `--` or a found database.
  llvm::StringRef buildDirectory() const { return BuildDir; }

private:
  explicit CompileDatabase(std::unique_ptr<clang::tooling::CompilationDatabase> DB);
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  std::string BuildDir;
};

} // namespace rtcheck

#endif
