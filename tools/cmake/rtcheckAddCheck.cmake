# rtcheck_add_check(): rtcheck as part of a CMake build (docs/cmake.md).
#
#   rtcheck_add_check(<target>
#     [ALL] [NO_TEST] [WITH <library target>...]
#     [ROOTS <name>[=<context>]...] [CONTEXT <context>]
#     [BASELINE <file>] [CONFIG <file>] [RULES <dir>] [FAIL_ON error|warning|none]
#     [LIBRARY <glob>...] [EXTRACT_ARGS <arg>...] [LINK_ARGS <arg>...])
#
# Per source of <target>: `rtcheck extract` writes that translation unit's summary as a build
# output with a depfile (every file the TU read), using the target's compile command from
# compile_commands.json, so Ninja and Make re-extract only the TUs whose inputs changed.
# Then `rtcheck link` over the summaries writes rtcheck/<target>/findings.{json,sarif} whenever a
# summary changes (target <target>_rtcheck; in the default build with ALL), and the CTest test
# <target>_rtcheck links them again and fails on findings (those of BASELINE excepted).
#
# Policies: those of CMake 3.20 (DEPFILE for Make, CMP0116: Ninja depfiles relative to the build
# tree), recorded when this file is read and used whenever the function runs.
cmake_policy(PUSH)
cmake_policy(VERSION 3.20...3.28)
set_property(GLOBAL PROPERTY _RTCHECK_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}")

# The summary of Source, named after its path below the target's source directory (outside it: a
# hash of the directory), so two sources with one file name never share a summary.
function(_rtcheck_summary_name Out Source SourceDir)
  file(RELATIVE_PATH Rel "${SourceDir}" "${Source}")
  if(Rel MATCHES "^\\.\\./" OR IS_ABSOLUTE "${Rel}")
    get_filename_component(Dir "${Source}" DIRECTORY)
    get_filename_component(Name "${Source}" NAME)
    string(SHA1 Hash "${Dir}")
    string(SUBSTRING "${Hash}" 0 12 Hash)
    set(Rel "_outside/${Hash}/${Name}")
  endif()
  set(${Out} "${Rel}" PARENT_SCOPE)
endfunction()

# The target's C and C++ sources, absolute (generated ones resolved in the binary directory).
function(_rtcheck_target_sources Out Target)
  get_target_property(Sources ${Target} SOURCES)
  get_target_property(SourceDir ${Target} SOURCE_DIR)
  get_target_property(BinaryDir ${Target} BINARY_DIR)
  set(Result)
  foreach(S IN LISTS Sources)
    if(S MATCHES "\\$<")
      message(WARNING "rtcheck_add_check(${Target}): source '${S}' is a generator expression and "
                      "is not analysed")
      continue()
    endif()
    if(NOT S MATCHES "\\.(c|cc|cp|cpp|cxx|c\\+\\+|C|CPP)$")
      continue()
    endif()
    # Normalised the way CMake names sources in compile_commands.json.
    if(IS_ABSOLUTE "${S}" OR EXISTS "${SourceDir}/${S}")
      get_filename_component(Abs "${S}" ABSOLUTE BASE_DIR "${SourceDir}")
    else()
      get_filename_component(Abs "${S}" ABSOLUTE BASE_DIR "${BinaryDir}")
    endif()
    get_source_file_property(HeaderOnly "${Abs}" TARGET_DIRECTORY ${Target} HEADER_FILE_ONLY)
    if(NOT HeaderOnly)
      list(APPEND Result "${Abs}")
    endif()
  endforeach()
  set(${Out} "${Result}" PARENT_SCOPE)
endfunction()

# Extraction rules for the sources of SourceTarget into OutDir; appends the summaries to the
# caller's variable named by SummariesVar. Uses the caller's Database, Rtcheck, ToolFiles,
# ConfigArgs, ConfigDeps and RC_EXTRACT_ARGS, and appends its stamp step to StampSteps.
function(_rtcheck_extract_target SourceTarget OutDir SummariesVar)
  if(NOT TARGET ${SourceTarget})
    message(FATAL_ERROR "rtcheck_add_check: '${SourceTarget}' is not a target")
  endif()
  set_property(TARGET ${SourceTarget} PROPERTY EXPORT_COMPILE_COMMANDS ON)
  get_target_property(SourceDir ${SourceTarget} SOURCE_DIR)
  # The database lists a source once per target that compiles it: pick this target's entry by
  # its object file's directory.
  string(REGEX REPLACE "([][+.*?()^$|\\\\])" "\\\\\\1" TargetRegex "${SourceTarget}")
  set(Select "CMakeFiles/${TargetRegex}\\.dir/")

  _rtcheck_target_sources(Sources ${SourceTarget})
  if(NOT Sources)
    message(FATAL_ERROR "rtcheck_add_check: target '${SourceTarget}' has no C or C++ sources")
  endif()
  set(Names)
  set(TargetSummaries)
  set(CommandStamps)
  foreach(Source IN LISTS Sources)
    _rtcheck_summary_name(Name "${Source}" "${SourceDir}")
    list(APPEND Names "${Name}")
    list(APPEND TargetSummaries "${OutDir}/${Name}.rtsum.json")
    list(APPEND CommandStamps "${OutDir}/${Name}.command")
  endforeach()
  # compile_commands.json is rewritten by every configure: one step splits it into a stamp per
  # source that changes only with that source's command (rtcheckCompileCommands.cmake).
  get_property(ModuleDir GLOBAL PROPERTY _RTCHECK_CMAKE_DIR)
  set(SourcesFile "${OutDir}/sources.cmake")
  file(CONFIGURE OUTPUT "${SourcesFile}" CONTENT
       "set(RTCHECK_SOURCES [==[${Sources}]==])\nset(RTCHECK_STAMPS [==[${CommandStamps}]==])\n"
       @ONLY)
  # Ninja: the stamps are byproducts of that step, and restat keeps an unchanged one from
  # re-extracting. Make: each stamp has a rule without a command; Make looks at the file again
  # after it, so an unchanged stamp re-extracts nothing either (Ninja would treat such a rule as
  # phony and always re-extract).
  set(Byproducts)
  if(CMAKE_GENERATOR MATCHES "Ninja")
    set(Byproducts BYPRODUCTS ${CommandStamps})
  endif()
  add_custom_command(OUTPUT "${OutDir}/commands.stamp" ${Byproducts}
    COMMAND "${CMAKE_COMMAND}" "-DDATABASE=${Database}" "-DSELECT=${Select}"
            "-DSOURCES_FILE=${SourcesFile}" -P "${ModuleDir}/rtcheckCompileCommands.cmake"
    COMMAND "${CMAKE_COMMAND}" -E touch "${OutDir}/commands.stamp"
    DEPENDS "${Database}" "${SourcesFile}" "${ModuleDir}/rtcheckCompileCommands.cmake"
    COMMENT "rtcheck: reading ${SourceTarget}'s compile commands"
    VERBATIM)

  foreach(Source Name Summary Stamp IN ZIP_LISTS Sources Names TargetSummaries CommandStamps)
    if(NOT Byproducts)
      add_custom_command(OUTPUT "${Stamp}" DEPENDS "${OutDir}/commands.stamp")
    endif()
    get_filename_component(SummaryDir "${Summary}" DIRECTORY)
    file(MAKE_DIRECTORY "${SummaryDir}")
    add_custom_command(OUTPUT "${Summary}"
      COMMAND "${Rtcheck}" extract -q -p "${Database}" --select "${Select}" ${ConfigArgs}
              ${RC_EXTRACT_ARGS} "${Source}" -o "${Summary}" --depfile "${Summary}.d"
      DEPENDS "${Source}" "${Stamp}" ${ToolFiles} ${ConfigDeps}
      DEPFILE "${Summary}.d"
      COMMENT "rtcheck: extracting ${Name}"
      VERBATIM)
  endforeach()
  set(${SummariesVar} ${${SummariesVar}} ${TargetSummaries} PARENT_SCOPE)
  # Named by the check's target, so that the step writing the stamps is part of the build.
  set(StampSteps ${StampSteps} "${OutDir}/commands.stamp" PARENT_SCOPE)
endfunction()

function(rtcheck_add_check Target)
  cmake_parse_arguments(PARSE_ARGV 1 RC "ALL;NO_TEST"
    "BASELINE;CONFIG;RULES;FAIL_ON;CONTEXT" "WITH;ROOTS;LIBRARY;EXTRACT_ARGS;LINK_ARGS")
  if(RC_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "rtcheck_add_check(${Target}): unknown arguments: ${RC_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT TARGET ${Target})
    message(FATAL_ERROR "rtcheck_add_check: '${Target}' is not a target")
  endif()
  if(NOT TARGET rtcheck::rtcheck OR NOT TARGET rtcheck::analyzer)
    message(FATAL_ERROR "rtcheck_add_check(${Target}): this rtcheck installation has no analyzer "
                        "(it was built with RTCHECK_BUILD_ANALYZER=OFF)")
  endif()
  if(NOT CMAKE_GENERATOR MATCHES "Ninja|Makefiles")
    message(FATAL_ERROR "rtcheck_add_check(${Target}): needs a Ninja or Makefile generator (it "
                        "reads compile_commands.json), not ${CMAKE_GENERATOR}")
  endif()
  if(RC_FAIL_ON AND NOT RC_FAIL_ON MATCHES "^(error|warning|none)$")
    message(FATAL_ERROR "rtcheck_add_check(${Target}): FAIL_ON must be error, warning or none")
  endif()
  foreach(File IN ITEMS BASELINE CONFIG RULES)
    if(RC_${File})
      get_filename_component(RC_${File} "${RC_${File}}" ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    endif()
  endforeach()

  # The compile command of each source is the build's own, read from the compilation database.
  set(Database "${CMAKE_BINARY_DIR}/compile_commands.json")
  set(Rtcheck "$<TARGET_FILE:rtcheck::rtcheck>")
  set(ToolFiles "${Rtcheck}" "$<TARGET_FILE:rtcheck::analyzer>")
  set(OutDir "${CMAKE_CURRENT_BINARY_DIR}/rtcheck/${Target}")
  set(ConfigArgs)
  set(ConfigDeps)
  if(RC_CONFIG)
    set(ConfigArgs --config "${RC_CONFIG}")
    set(ConfigDeps "${RC_CONFIG}")
  endif()

  set(Summaries)
  set(StampSteps)
  _rtcheck_extract_target(${Target} "${OutDir}" Summaries)
  foreach(With IN LISTS RC_WITH)
    # Beside the target's own, under a name no source directory has.
    _rtcheck_extract_target(${With} "${OutDir}/+${With}" Summaries)
  endforeach()

  # What judges the summaries: the same for the build's reports and for the test.
  set(LinkArgs ${ConfigArgs} --source-root "${CMAKE_SOURCE_DIR}")
  set(LinkDeps ${ConfigDeps})
  if(RC_BASELINE)
    list(APPEND LinkArgs --baseline "${RC_BASELINE}")
    list(APPEND LinkDeps "${RC_BASELINE}")
  endif()
  if(RC_RULES)
    list(APPEND LinkArgs --rules-dir "${RC_RULES}")
    file(GLOB_RECURSE RuleFiles CONFIGURE_DEPENDS "${RC_RULES}/*.json")
    list(APPEND LinkDeps ${RuleFiles})
  endif()
  foreach(Root IN LISTS RC_ROOTS)
    if(RC_CONTEXT AND NOT Root MATCHES "=")
      set(Root "${Root}=${RC_CONTEXT}")
    endif()
    list(APPEND LinkArgs --root "${Root}")
  endforeach()
  foreach(Glob IN LISTS RC_LIBRARY)
    list(APPEND LinkArgs --library "${Glob}")
  endforeach()
  list(APPEND LinkArgs ${RC_LINK_ARGS})

  # The reports never fail the build (findings are the test's business); a broken summary does.
  set(Json "${OutDir}/findings.json")
  set(Sarif "${OutDir}/findings.sarif")
  add_custom_command(OUTPUT "${Json}" "${Sarif}"
    COMMAND "${Rtcheck}" link -q ${LinkArgs} --fail-on none --format json -o "${Json}" ${Summaries}
    COMMAND "${Rtcheck}" link -q ${LinkArgs} --fail-on none --format sarif -o "${Sarif}" ${Summaries}
    DEPENDS ${Summaries} ${ToolFiles} ${LinkDeps}
    COMMENT "rtcheck: linking ${Target}'s summaries"
    VERBATIM)
  set(All)
  if(RC_ALL)
    set(All ALL)
  endif()
  # The stamp is named so that the step writing the per-source stamps is in the build.
  add_custom_target(${Target}_rtcheck ${All}
    DEPENDS "${Json}" "${Sarif}" ${StampSteps})
  # Order only: headers the target generates exist before its sources are extracted, and a
  # relinked target does not re-extract anything.
  add_dependencies(${Target}_rtcheck ${Target} ${RC_WITH})

  if(NOT RC_NO_TEST)
    set(FailOn)
    if(RC_FAIL_ON)
      set(FailOn --fail-on ${RC_FAIL_ON})
    endif()
    add_test(NAME ${Target}_rtcheck
      COMMAND "${Rtcheck}" link ${LinkArgs} ${FailOn} --color never ${Summaries}
      WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
    set_tests_properties(${Target}_rtcheck PROPERTIES LABELS rtcheck)
  endif()
endfunction()

cmake_policy(POP)
