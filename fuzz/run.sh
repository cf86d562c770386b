#!/usr/bin/env bash
# Runs every fuzz target (or those named) for N seconds each, one after the other, and prints
# each target's run time and executions.
#
#   fuzz/run.sh [--seconds N] [--in-place] [TARGET...]   (default: 60 s, every target)
#
# Installs cargo-fuzz when missing. Uses the nightly toolchain when rustup has one, else the
# stable one with RUSTC_BOOTSTRAP=1 (cargo fuzz passes -Z flags to rustc). SANITIZER picks
# cargo fuzz's sanitizer (default: address on nightly, none on stable); FUZZ_TARGET_DIR its
# build folder (default: fuzz/target). Each target runs over a scratch copy of
# fuzz/corpus/<target> and fuzz/regressions/<target>, so the committed corpus is untouched;
# with --in-place it runs over fuzz/corpus/<target> itself, which keeps what it finds and is
# then minimised (`cargo fuzz cmin`). Findings land in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
in_place=false
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --seconds=*) seconds="${1#*=}"; shift ;;
        --in-place) in_place=true; shift ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "run.sh: installing cargo-fuzz"
    cargo install --locked cargo-fuzz
fi

toolchain=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    toolchain=(+nightly)
    sanitizer="${SANITIZER:-address}"
else
    export RUSTC_BOOTSTRAP=1
    sanitizer="${SANITIZER:-none}"
fi
target_dir="${FUZZ_TARGET_DIR:-fuzz/target}"

if [ ${#targets[@]} -eq 0 ]; then
    for file in fuzz/fuzz_targets/*.rs; do targets+=("$(basename "$file" .rs)"); done
fi

fuzz=(cargo "${toolchain[@]}" fuzz)
build_flags=(--fuzz-dir fuzz --features libfuzzer --sanitizer "$sanitizer" --target-dir "$target_dir")

echo "run.sh: building ${#targets[@]} targets (sanitizer: $sanitizer)"
"${fuzz[@]}" build "${build_flags[@]}"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
summary=()
for target in "${targets[@]}"; do
    mkdir -p "fuzz/artifacts/$target"
    extra=()
    if $in_place; then
        corpus="fuzz/corpus/$target"
        mkdir -p "$corpus"
        if [ -d "fuzz/regressions/$target" ]; then extra=("fuzz/regressions/$target"); fi
    else
        corpus="$scratch/$target"
        mkdir -p "$corpus"
        for dir in "fuzz/corpus/$target" "fuzz/regressions/$target"; do
            if [ -d "$dir" ]; then cp -r "$dir/." "$corpus/"; fi
        done
    fi
    log="$scratch/$target.log"
    echo "run.sh: $target for ${seconds}s"
    status=0
    "${fuzz[@]}" run "${build_flags[@]}" "$target" "$corpus" "${extra[@]}" -- \
        -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
        >"$log" 2>&1 || status=$?
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    took="$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)"
    if $in_place && [ "$status" -eq 0 ]; then
        "${fuzz[@]}" cmin "${build_flags[@]}" "$target" "$corpus" >>"$log" 2>&1 || status=$?
    fi
    line="$target: ${took:-?} s, ${runs:-?} executions, corpus $(ls "$corpus" | wc -l) inputs"
    if [ "$status" -ne 0 ]; then
        line="$line, FAILED (exit $status; log below, inputs in fuzz/artifacts/$target/)"
        tail -n 40 "$log"
    fi
    echo "$line"
    summary+=("$line")
done

echo
printf '%s\n' "${summary[@]}"
if printf '%s\n' "${summary[@]}" | grep -q FAILED; then exit 1; fi
