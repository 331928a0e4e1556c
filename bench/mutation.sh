#!/usr/bin/env bash
# Mutation testing of the core modules with mutmut (slow: not part of bin/test or CI).
#
#   bench/mutation.sh                       every core module, one after another
#   bench/mutation.sh operations/page_cache.py guides/catalogue.py
#   MUTATION_ONLY='guides.importer.x_import_terms__mutmut_*' bench/mutation.sh guides/importer.py
#                                           only the mutants named (mutmut's names, * allowed)
#
# Each module runs in a scratch copy of the work tree ($MUTATION_WORK/<module>/, /tmp by default), against
# only the tests that specify it, on SQLite, one mutant at a time (MUTATION_CHILDREN to change).
# Prints killed/survived per module and writes bench/results/mutation/<module>.txt with the
# surviving mutants; docs/testing.md keeps the figures and names the equivalent survivors.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
export PATH="$root/.venv/bin:$PATH"

# module -> the tests that specify its behaviour. Transactional tests (browser, concurrency, backup)
# are left out: they empty the database that every mutant's run reuses.
MEMBERSHIP_TESTS="membership/tests/test_admin.py membership/tests/test_application.py membership/tests/test_confirmation.py membership/tests/test_login.py membership/tests/test_no_leak.py membership/tests/test_privacy.py membership/tests/test_saved_guides.py"
declare -A TESTS=(
  [guides/catalogue.py]="guides/tests/test_catalogue.py api/tests/test_guides_api.py"
  [guides/source.py]="guides/tests/test_source.py guides/tests/test_import.py"
  [guides/importer.py]="guides/tests/test_import.py guides/tests/test_export.py"
  [operations/page_cache.py]="operations/tests/test_page_cache.py operations/tests/test_page_cache_rules.py"
  [operations/content_cache.py]="operations/tests/test_content_cache.py"
  [search/query.py]="search/tests/test_query.py search/tests/test_engines.py"
  [search/compounds.py]="search/tests/test_compounds.py"
  [search/pipeline.py]="search/tests/test_pipeline.py search/tests/test_engines.py search/tests/test_query.py search/tests/test_synonyms.py search/tests/test_tantivy_index.py"
  [membership/views.py]="$MEMBERSHIP_TESTS"
  [membership/models.py]="$MEMBERSHIP_TESTS guides/tests/test_guide_page.py"
  [membership/throttling.py]="$MEMBERSHIP_TESTS"
  [tools/processes.py]="tools/tests/test_process_planners.py tools/tests/test_process_rules.py"
  [facts/citations.py]="facts/tests"
  [facts/register.py]="facts/tests"
)
# module -> tests left out of its run although they cover it: each takes seconds (threads, a second
# process) to tens of seconds, and mutmut runs every covering test for each mutant (hours instead of
# minutes); their behaviour is also specified by the faster tests of the selection.
declare -A SLOW=(
  [guides/importer.py]="guides/tests/test_import.py::test_starter_library_loads_on_an_empty_database guides/tests/test_export.py::test_export_and_import_into_an_empty_library_reproduces_it"
  [guides/source.py]="guides/tests/test_import.py::test_starter_library_loads_on_an_empty_database"
  [search/pipeline.py]="search/tests/test_tantivy_index.py::test_searches_in_many_threads_while_guides_are_written search/tests/test_tantivy_index.py::test_two_processes_writing_one_index_take_turns"
)
ORDER=(operations/page_cache.py operations/content_cache.py guides/catalogue.py search/query.py search/compounds.py
       membership/throttling.py membership/views.py membership/models.py facts/citations.py facts/register.py
       guides/importer.py search/pipeline.py guides/source.py tools/processes.py)

modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=("${ORDER[@]}")
out="$root/bench/results/mutation"
scratch="${MUTATION_WORK:-${TMPDIR:-/tmp}/chefsguider-mutation}"
mkdir -p "$out" "$scratch"

for module in "${modules[@]}"; do
  tests="${TESTS[$module]:-}"
  [ -n "$tests" ] || { echo "unknown module $module (known: ${ORDER[*]})" >&2; exit 2; }
  name="${module//\//.}"; name="${name%.py}"
  work="$scratch/$name"
  rm -rf "$work"; mkdir -p "$work"
  # The tracked files as they are in the work tree now (uncommitted changes included).
  git ls-files -z --cached --others --exclude-standard | grep -zvE '^(bench/results/|\.venv$|node_modules$)' \
    | xargs -0 cp --parents -t "$work" 2>/dev/null || true
  ln -s "$root/node_modules" "$work/node_modules" 2>/dev/null || true
  python - "$work/pyproject.toml" "$module" "${SLOW[$module]:-}" $tests <<'PY'
import re, sys
path, module, slow, *tests = sys.argv[1:]
text = open(path).read()
deselect = "".join(', "--deselect", "%s"' % test for test in slow.split())
text = re.sub(r'(pytest_add_cli_args = \[.*?)\]', lambda m: m.group(1) + deselect + "]", text, count=1, flags=re.S)
text = re.sub(r"only_mutate = \[.*?\]", "only_mutate = [%r]" % module, text, flags=re.S).replace("'", '"')
text = re.sub(r"pytest_add_cli_args_test_selection = \[.*?\]",
              "pytest_add_cli_args_test_selection = [%s]" % ", ".join('"%s"' % t for t in tests), text, flags=re.S)
open(path, "w").write(text)
PY
  echo "== $module (tests: $tests)"
  start=$(date +%s)
  (
    cd "$work"
    # A fixed data folder lets every mutant reuse one migrated SQLite test database.
    export CHEFSGUIDER_DATA_DIR="$work/data"
    mkdir -p "$CHEFSGUIDER_DATA_DIR"
    unset DATABASE_URL
    # shellcheck disable=SC2086  # MUTATION_ONLY is a list of patterns
    mutmut run --max-children "${MUTATION_CHILDREN:-1}" ${MUTATION_ONLY:-} >"$work/run.log" 2>&1 || true
    mutmut export-cicd-stats >/dev/null 2>&1 || true
    mutmut results --all true >"$out/$name${MUTATION_ONLY:+.only}.txt" 2>&1 || true
  )
  python - "$work/mutants/mutmut-cicd-stats.json" "$module${MUTATION_ONLY:+ (only $MUTATION_ONLY)}" "$(( $(date +%s) - start ))" <<'PY' | tee -a "$out/summary.txt"
import json, sys
path, module, seconds = sys.argv[1:]
s = json.load(open(path))
checked = s["killed"] + s["survived"] + s["timeout"] + s["suspicious"] + s["no_tests"] + s["segfault"]
killed = s["killed"] + s["timeout"]
share = 100 * killed / checked if checked else 0
print(f"{module}: {killed}/{checked} killed ({share:.0f} %), {s['survived']} survived, "
      f"{s['no_tests']} without tests, {seconds} s")
PY
done
