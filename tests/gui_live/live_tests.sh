#!/usr/bin/env bash
# GUI tests of the live cluster: run parsec-debugger under Xvfb on scripts without `open`, then
# check the STATE line against what the engine computes by itself (live_expected).
#   live_tests.sh CASE EXE EXPECTED_HELPER OUT_DIR SCRIPT_DIR
# Exit 0 pass, 1 fail, 77 skip (no xvfb-run). PNGs stay in OUT_DIR/CASE/ for a person to look at.
set -uo pipefail

case_name=$1 exe=$2 expected=$3 out_root=$4 scripts=$5
command -v xvfb-run >/dev/null 2>&1 || { echo "SKIP: xvfb-run not installed"; exit 77; }
out="$out_root/$case_name"
rm -rf "$out" && mkdir -p "$out" && cd "$out" || exit 1

fail() {
  echo "FAIL [$case_name]: $*"
  echo "--- stdout:"; cat stdout.txt 2>/dev/null
  echo "--- stderr:"; cat stderr.txt 2>/dev/null
  exit 1
}
# run_app ARGS...: as in tests/gui/gui_tests.sh, retrying only Xvfb start-up races.
run_app() {
  for attempt in 1 2 3 4; do
    xvfb-run -a -s "-screen 0 1600x1000x24 -noreset" "$exe" gui "$@" >stdout.txt 2>stderr.txt
    rc=$?
    grep -q "Xvfb failed to start\|problem while cleaning up" stderr.txt || return 0
    sleep "0.$((RANDOM % 9 + 1))"
  done
}
state() { grep -o "^STATE .*" stdout.txt | tail -n 1; }
field() { state | grep -o " $1=[^ ]*" | cut -d= -f2-; }
expect_rc() { [ "$rc" -eq "$1" ] || fail "exit code $rc, expected $1"; }
expect_field() { [ "$(field "$1")" = "$2" ] || fail "$1=$(field "$1"), expected $2"; }
# The last event of NODE's dump at INPUTS that carries meta-votes, and those votes in the STATE
# notation (peer=r/s est bin aux dec, entries joined by |, peers by ;), from the dump alone.
expected_votes() {  # INPUTS NODE → "EVENT VOTES"
  "$expected" "$1" "$2" > expected.dot || fail "live_expected failed"
  # One "EVENT<TAB>PEER=r/s.." line per meta-vote row; continuation rows join their peer with |.
  awk '
    /^\/\/\/   [A-Za-z0-9_,]+ -> \{$/ { ev=$2; next }
    /^\/\/\/ +[A-Za-z0-9]+: [0-9]+\/[0-9]/ {
      line=$0; sub(/^\/\/\/ +/, "", line); split(line, f, /[: ]+/)
      if (key != "") print ev "\t" key "=" v
      key=f[1]; v=f[2] f[3] f[4] f[5] f[6]; next }
    /^\/\/\/ +[0-9]+\/[0-9]/ {
      line=$0; sub(/^\/\/\/ +/, "", line); split(line, f, / +/); v = v "|" f[1] f[2] f[3] f[4] f[5]; next }
    /^\/\/\/     }$/ { if (key != "") print ev "\t" key "=" v; key="" }' expected.dot > rows.txt
  local event; event=$(tail -n 1 rows.txt | cut -f1)
  echo "$event $(awk -F'\t' -v e="$event" '$1 == e {print $2}' rows.txt | LC_ALL=C sort | paste -sd';')"
}

case "$case_name" in
  starts_live)  # no `open`: a live 4-node cluster that plays by itself and reaches decisions
    run_app --script "$scripts/starts_playing.txt" --screenshot start.png
    expect_rc 0
    expect_field live 1
    expect_field nodes 4
    expect_field playing 1
    [ "$(field input)" -ge 3 ] || fail "the cluster did not move while playing (input=$(field input))"
    run_app --script "$scripts/advance_300.txt" --screenshot advanced.png
    expect_rc 0
    expect_field live 1
    expect_field nodes 4
    expect_field playing 0
    [ "$(field events)" -gt 0 ] || fail "no events"
    [ "$(field decisions)" -ge 1 ] || fail "no decision after 300 inputs"
    ;;
  select_votes)  # a selected event shows the meta-votes the engine's own dump gives it
    run_app --script "$scripts/advance_700.txt"
    expect_rc 0
    at=$(field input)
    read -r event votes < <(expected_votes "$at" Alice)
    [ -n "$event" ] && [ -n "$votes" ] || fail "no event with meta-votes in Alice's dump at input $at"
    grep -q '|' <<<"$votes" || fail "expected a meta-vote list of several rounds/steps at input $at: $votes"
    { cat "$scripts/advance_700.txt"; printf 'select %s\npanel Event\npanel Election\nframes 2\n' "$event"; } > select.txt
    run_app --script select.txt --screenshot select.png
    expect_rc 0
    expect_field input "$at"
    expect_field selected_name "$event"
    echo "expected $event: $votes"
    echo "got:      $(field selected_votes)"
    expect_field selected_votes "$votes"
    ;;
  step_back)  # ← goes back one input, Shift+← to the previous decision, Home/End to the ends
    run_app --script "$scripts/advance_300.txt"
    at=$(field input) count=$(field inputs)
    previous=$("$expected" "$at" decisions | awk -v p=$((at - 1)) '$1 < p' | tail -n 1)
    [ -n "$previous" ] || fail "no decision before input $at to go back to"
    { cat "$scripts/advance_300.txt"; printf 'key Left\nframes 1\n'; } > left.txt
    run_app --script left.txt
    expect_field input $((at - 1))
    { cat left.txt; printf 'key Shift+Left\nframes 1\n'; } > decision.txt
    run_app --script decision.txt --screenshot decision.png
    expect_field input "$previous"
    { cat decision.txt; printf 'key Home\nframes 1\n'; } > home.txt
    run_app --script home.txt
    expect_field input 0
    { cat home.txt; printf 'key End\nframes 1\n'; } > end.txt
    run_app --script end.txt
    expect_field input "$count"
    # Shift+→ at the live end runs the cluster on, a slice of inputs per frame, to the next
    # decision the engine reaches. Three presses reach the next three decisions; one frame after
    # the third, a run-ahead longer than a slice is still going and the window is drawn.
    read -r n1 n2 n3 < <("$expected" $((count + 1000)) decisions | awk -v p="$count" '$1 > p' |
                         head -n 3 | tr '\n' ' ')
    [ -n "$n3" ] || fail "the engine reaches fewer than three decisions after input $count"
    { cat end.txt; printf 'key Shift+Right\nframes 40\nkey Shift+Right\nframes 40\n'; } > two.txt
    run_app --script two.txt
    expect_field input "$n2"
    { cat two.txt; printf 'key Shift+Right\nframes 1\n'; } > ahead_started.txt
    run_app --script ahead_started.txt --screenshot ahead_started.png
    if [ $((n3 - n2)) -gt 64 ]; then
      expect_field running_ahead 1
      [ "$(field input)" -lt "$n3" ] || fail "one frame after Shift+→ it is already at $(field input)"
    fi
    { cat two.txt; printf 'key Shift+Right\nframes 40\n'; } > ahead.txt
    run_app --script ahead.txt
    expect_field running_ahead 0
    expect_field input "$n3"
    ;;
  keys_after_click)  # after clicking into the Election and Session panels, ← and → still move time
    run_app --script "$scripts/advance_300.txt"
    at=$(field input)
    read -r bx by _ < <(field slots | tr ';' '\n' | grep '^bottom:' | cut -d: -f2 | tr ',' ' ')
    read -r lx ly _ < <(field slots | tr ';' '\n' | grep '^left:' | cut -d: -f2 | tr ',' ' ')
    [ -n "$by" ] && [ -n "$ly" ] || fail "no bottom or left slot in STATE"
    { cat "$scripts/advance_300.txt"
      printf 'panel Election\nframes 1\nclick %d %d\nframes 1\nkey Left\nkey Left\nframes 1\n' \
             $((bx + 300)) $((by + 120))
      printf 'click %d %d\nframes 1\nkey Right\nframes 1\n' $((lx + 60)) $((ly + 36)); } > click.txt
    run_app --script click.txt --screenshot click.png
    expect_rc 0
    expect_field input $((at - 1))
    ;;
  save_open)  # Ctrl+S asks for a file and saves; opening it gives the same inputs, live
    { cat "$scripts/advance_300.txt"
      printf 'key Ctrl+S\nframes 2\nkey Ctrl+A\ntype %s/s.pcrec\nkey Enter\nframes 2\n' "$PWD"; } > save.txt
    run_app --script save.txt
    expect_rc 0
    count=$(field inputs) decisions=$(field decision_inputs)
    [ -s s.pcrec ] || fail "no recording written"
    ls ./*.tmp* >/dev/null 2>&1 && fail "temporary file left behind"
    printf 'key Space\nopen %s/s.pcrec\nframes 1\n' "$PWD" > open.txt
    run_app --script open.txt --screenshot opened.png
    expect_rc 0
    expect_field session "$PWD/s.pcrec"
    expect_field live 1
    expect_field error_modal 0
    expect_field inputs "$count"
    expect_field decision_inputs "$decisions"
    ;;
  opens_sim_recording)  # a recording made by `parsec-debugger sim` opens at its end, as the run left it
    "$exe" sim --nodes 5 --seed 3 --until-blocks 3 --identities mock --record "$PWD/run.pcrec" \
      --json > run.json 2>sim_stderr.txt || fail "sim failed: $(cat sim_stderr.txt)"
    inputs=$(grep -o '"inputs":[0-9]*' run.json | cut -d: -f2)
    alice_events=$(grep -o '"name":"Alice","status":"[a-z]*","role":"[a-z]*","events":[0-9]*' run.json |
                   grep -o '[0-9]*$')
    [ -n "$inputs" ] && [ -n "$alice_events" ] || fail "cannot read the sim summary"
    printf 'key Space\nframes 1\nkey Ctrl+O\nframes 2\ntype %s/run.pcrec\nkey Enter\nframes 3\n' \
      "$PWD" > open.txt
    run_app --script open.txt --screenshot run.png
    expect_rc 0
    expect_field error_modal 0
    expect_field session "$PWD/run.pcrec"
    expect_field nodes 5
    expect_field inputs "$inputs"
    expect_field input "$inputs"
    expect_field events "$alice_events"
    ;;
  shows_markers)  # a shipped recording's markers (accusations here) are listed, as many as it holds
    rec="$scripts/../../../recordings/fork_and_double_vote.pcrec"
    "$exe" export "$rec" --format json -o "$PWD/run.json" >/dev/null 2>&1 || fail "export failed"
    expected=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["branches"][0]["markers"]))' \
      run.json) || fail "cannot count the markers of the export"
    [ "$expected" -gt 0 ] || fail "the recording holds no marker: nothing to test"
    printf 'open %s\nadvance 100000\nframes 3\n' "$rec" > open.txt
    run_app --script open.txt --screenshot markers.png
    expect_rc 0
    expect_field error_modal 0
    expect_field markers "$expected"
    expect_field violations 0
    ;;
  load_error_recording)  # a damaged or foreign recording: modal naming file and place, session kept
    printf 'frames 1\nadvance 200\nsave %s/good.pcrec\nframes 1\n' "$PWD" > save.txt
    run_app --script save.txt
    size=$(stat -c %s good.pcrec)
    head -c $((size * 2 / 3)) good.pcrec > cut.pcrec
    printf 'key Space\nframes 1\nkey Ctrl+O\nframes 2\ntype %s/cut.pcrec\nkey Enter\nframes 3\n' "$PWD" > cut.txt
    run_app --script cut.txt --screenshot cut.png
    expect_rc 0
    expect_field error_modal 1
    expect_field error_file "$PWD/cut.pcrec"
    field error_place | grep -q '^byte_[0-9]' || fail "error place '$(field error_place)' is not a byte offset"
    expect_field live 1
    state | grep -q ' session=live_cluster' || fail "the live session did not stay open"
    printf 'not a recording at all\n' > junk.pcrec
    printf 'key Space\nframes 1\nkey Ctrl+O\nframes 2\ntype %s/junk.pcrec\nkey Enter\nframes 3\n' "$PWD" > junk.txt
    run_app --script junk.txt
    expect_field error_modal 1
    expect_field error_file "$PWD/junk.pcrec"
    state | grep -q ' session=live_cluster' || fail "the live session did not stay open"
    ;;
  new_cluster)  # Ctrl+N opens the dialog; the script action starts the same kind of cluster
    printf 'key Ctrl+N\nframes 2\n' > dialog.txt
    run_app --script dialog.txt --screenshot dialog.png
    expect_rc 0
    expect_field new_cluster_dialog 1
    printf 'new-cluster nodes=7 seed=3 identities=mock rate=2\nadvance 50\nframes 1\n' > seven.txt
    run_app --script seven.txt
    expect_rc 0
    expect_field nodes 7
    expect_field live 1
    state | grep -q ' session=live_cluster:_7_nodes,_seed_3' || fail "not the requested cluster"
    # The workload SPEC of `sim --workload`: only Carol votes (the PNG shows payloads on her
    # column only); a SPEC naming no node stops the script with the reason.
    printf 'new-cluster nodes=5 seed=3 identities=mock mode=single workload=voters=Carol,gossip=1/4\nadvance 40\nframes 1\n' > five.txt
    run_app --script five.txt --screenshot five.png
    expect_rc 0
    expect_field nodes 5
    expect_field live 1
    printf 'new-cluster nodes=5 workload=voters=Zed\nframes 1\n' > zed.txt
    run_app --script zed.txt
    expect_rc 2
    grep -q 'zed.txt:1: new-cluster: --workload: .*"Zed": no node of that name' stderr.txt || fail "no reason for the bad SPEC"
    ;;
  *)
    fail "unknown case"
    ;;
esac
echo "PASS [$case_name]"
