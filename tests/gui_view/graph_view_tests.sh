#!/usr/bin/env bash
# GUI tests of the graph view: run parsec-debugger under Xvfb with a generated script, then
# assert on its STATE line and on colours inside the graph canvas (graph_canvas=x,y,w,h).
#   graph_view_tests.sh CASE EXE PNG_CHECKER LIVE_EXPECTED OUT_DIR REFERENCE_GRAPHS
# Exit 0 pass, 1 fail, 77 skip. Screenshots stay in OUT_DIR/CASE/ for a person to look at.
set -uo pipefail
case_name=$1 exe=$2 checker=$3 live_expected=$4 out_root=$5 refs=$6
command -v xvfb-run >/dev/null 2>&1 || { echo "SKIP: xvfb-run not installed"; exit 77; }
dkg="$refs/dev_utils_record_tests_smoke_dkg/alice.dot"
[ -f "$dkg" ] || { echo "SKIP: $dkg not found"; exit 77; }
out="$out_root/$case_name"
rm -rf "$out" && mkdir -p "$out" && cd "$out" || exit 1

# Colours of viz/palette.hpp.
STRONG="80 235 120" SEEN="90 170 255" PATH_YELLOW="255 248 130"

fail() {
  echo "FAIL [$case_name]: $*"
  echo "--- stdout:"; cat stdout.txt 2>/dev/null
  echo "--- stderr:"; cat stderr.txt 2>/dev/null
  exit 1
}
run_app() {  # run_app SCRIPT PNG
  for attempt in 1 2 3 4; do
    xvfb-run -a -s "-screen 0 1600x900x24 -noreset" "$exe" gui --script "$1" --screenshot "$2" >stdout.txt 2>stderr.txt
    rc=$?
    grep -q "Xvfb failed to start\|problem while cleaning up" stderr.txt || break
    sleep "0.$((RANDOM % 9 + 1))"
  done
  [ "$rc" -eq 0 ] || fail "exit code $rc"
  cp stdout.txt "stdout-$(basename "$2" .png).txt"
}
state() { grep -o "^STATE .*" stdout.txt | tail -n 1; }
field() { state | grep -o " $1=[^ ]*" | cut -d= -f2-; }
expect_field() { [ "$(field "$1")" = "$2" ] || fail "STATE $1='$(field "$1")', expected '$2'"; }
# colour_count PNG "R G B": pixels of that colour (±12 per channel) inside the graph canvas.
colour_count() {
  local x y w h
  IFS=, read -r x y w h <<<"$(field graph_canvas)"
  [ -n "$h" ] || fail "no graph_canvas in STATE"
  "$checker" "$1" --colour $2 12 "$x" "$y" "$((x + w))" "$((y + h))" 0 | grep -o 'colour_count=[0-9]*' | cut -d= -f2
}

case "$case_name" in
  graph_sees)  # selecting an event rings what it sees and strongly sees, in their colours
    printf 'open %s\nframes 2\ngraph-center A_45\nframes 2\n' "$dkg" > base.txt
    run_app base.txt base.png
    base_strong=$(colour_count base.png "$STRONG")
    printf 'open %s\nselect A_45\nframes 3\n' "$dkg" > select.txt
    run_app select.txt select.png
    expect_field selected_name A_45
    expect_field graph_selected A_45
    sel_strong=$(colour_count select.png "$STRONG")
    sel_seen=$(colour_count select.png "$SEEN")
    echo "strongly-seen pixels: $base_strong without a selection, $sel_strong with A_45; seen pixels: $sel_seen"
    [ "$base_strong" -lt 30 ] || fail "strongly-seen colour present without a selection ($base_strong)"
    [ "$sel_strong" -ge 300 ] || fail "too few strongly-seen pixels ($sel_strong)"
    [ "$sel_seen" -ge 100 ] || fail "too few seen pixels ($sel_seen)"
    [ "$(field graph_strongly_sees)" -gt 0 ] || fail "graph_strongly_sees is 0"
    [ "$(field graph_sees)" -ge "$(field graph_strongly_sees)" ] || fail "sees fewer than strongly sees"
    ;;
  graph_pair)  # the dump's own annotation: an observer strongly sees the first interesting
               # event of each of its observees (spec §4.4); the app must explain that pair
    read -r observer observee < <(awk '
      /^\/\/\/   [A-Za-z0-9_,]+ -> \{$/ { ev = $2 }
      /^\/\/\/     observees: \{[A-Za-z]/ { sub(/.*\{/, ""); sub(/[,}].*/, ""); print ev, $0; exit }' "$dkg")
    first=$(awk -v who="$observee" '$0 ~ "^///   " who " -> \\[" { sub(/.*\["/, ""); sub(/".*/, ""); print; exit }' "$dkg")
    [ -n "$observer" ] && [ -n "$first" ] || fail "no observer or interesting event found in $dkg"
    echo "dump: $observer observes $observee, whose first interesting event is $first"
    printf 'open %s\nselect %s\nframes 3\n' "$dkg" "$observer" > one.txt
    run_app one.txt one.png
    one_yellow=$(colour_count one.png "$PATH_YELLOW")
    printf 'open %s\nselect-pair %s %s\nframes 3\n' "$dkg" "$observer" "$first" > pair.txt
    run_app pair.txt pair.png
    expect_field pair "$observer,$first"
    expect_field pair_sees 1
    expect_field pair_strongly_sees 1
    expect_field pair_blocked_by_fork 0
    creators=$(field pair_creators | tr ',' '\n' | grep -c .)
    [ "$creators" -ge "$(field pair_needed)" ] || fail "$creators carrier creators, $(field pair_needed) needed"
    [ "$(field pair_path_events)" -ge "$creators" ] || fail "paths shorter than one event per carrier"
    pair_yellow=$(colour_count pair.png "$PATH_YELLOW")
    echo "path pixels: $one_yellow with one event selected, $pair_yellow with the pair"
    [ "$pair_yellow" -ge $((one_yellow + 200)) ] || fail "the carrier paths are not drawn"
    ;;
  graph_click)  # clicks on drawn events select them at several zooms; Ctrl+click makes a pair
    printf 'open %s\nframes 2\ngraph-center A_44\ngraph-click A_44\nframes 2\n' "$dkg" > click.txt
    printf 'graph-zoom 0.25\nframes 2\ngraph-click B_49 ctrl\nframes 2\n' >> click.txt
    printf 'graph-zoom 12\nframes 2\ngraph-click A_44\nframes 2\ngraph-click A_44 ctrl\nframes 2\n' >> click.txt
    printf 'key Right\nframes 2\n' >> click.txt  # keys still reach the app after clicking the graph
    run_app click.txt click.png
    expect_field selected_name A_44
    expect_field graph_selected A_44
    state | grep -q "intents=[^ ]*NextInput" || fail "→ after a click on the graph did not step"
    # The last Ctrl+click hit the selected event itself: no pair; before it B_49 was second.
    printf 'open %s\nframes 2\ngraph-center A_44\ngraph-zoom 0.25\nframes 2\ngraph-click A_44\nframes 2\n' "$dkg" > pair_click.txt
    printf 'graph-click B_49 ctrl\nframes 2\n' >> pair_click.txt
    run_app pair_click.txt pair_click.png
    expect_field selected_name A_44
    [ "$(field pair)" = "B_49,A_44" ] || [ "$(field pair)" = "A_44,B_49" ] || fail "pair is '$(field pair)'"
    ;;
  graph_hover)  # the pointer on an event names it in a tooltip (light text next to the pointer)
    printf 'open %s\nselect A_45\nframes 3\n' "$dkg" > where.txt
    run_app where.txt where.png
    IFS=, read -r px py <<<"$(field graph_selected_px)"
    [ -n "$py" ] || fail "no graph_selected_px"
    printf 'open %s\nselect A_45\nframes 3\nmove %s %s\nframes 3\n' "$dkg" "$px" "$py" > hover.txt
    run_app hover.txt hover.png
    expect_field graph_hovered A_45
    "$checker" hover.png --differs where.png "$((px + 10))" "$((py + 10))" "$((px + 250))" "$((py + 120))" 0.3 ||
      fail "no tooltip drawn beside the pointer"
    ;;
  graph_navigate)  # the wheel zooms around the pointer, a right drag pans, the minimap moves the view
    printf 'open %s\nframes 3\n' "$dkg" > still.txt
    run_app still.txt still.png
    IFS=, read -r ox oy sx sy <<<"$(field graph_view)"
    IFS=, read -r x y w h <<<"$(field graph_canvas)"
    cx=$((x + w / 3)) cy=$((y + h / 2))
    printf 'open %s\nframes 3\nscroll %d %d 2\nframes 2\n' "$dkg" "$cx" "$cy" > wheel.txt
    run_app wheel.txt wheel.png
    IFS=, read -r wx wy wsx wsy <<<"$(field graph_view)"
    # Two wheel lines zoom by 1.2^2 on both axes, and the graph point under the pointer stays put.
    awk -v a="$sx" -v b="$wsx" 'BEGIN { r = b / a; exit !(r > 1.43 && r < 1.45) }' || fail "wheel zoom $sx -> $wsx"
    awk -v ox="$ox" -v sx="$sx" -v wx="$wx" -v wsx="$wsx" -v px="$((cx - x))" \
      'BEGIN { d = (ox + px / sx) - (wx + px / wsx); exit !(d < 0.5 && d > -0.5) }' || fail "zoom moved the point under the pointer"
    printf 'open %s\nframes 3\ndrag %d %d %d %d right\nframes 2\n' "$dkg" "$cx" "$cy" "$((cx + 120))" "$((cy + 60))" > pan.txt
    run_app pan.txt pan.png
    IFS=, read -r px_ py_ _ _ <<<"$(field graph_view)"
    awk -v a="$ox" -v b="$px_" -v s="$sx" 'BEGIN { d = (a - b) * s; exit !(d > 100 && d < 121) }' ||
      fail "right drag of 120 px moved the view by ($ox -> $px_) at scale $sx"
    # Minimap (bottom-right corner): a click near its bottom shows the oldest events (y near 0).
    mx=$((x + w - 8 - 20)) my=$((y + h - 8 - 4))
    printf 'open %s\nframes 3\nclick %d %d\nframes 2\n' "$dkg" "$mx" "$my" > minimap.txt
    run_app minimap.txt minimap.png
    IFS=, read -r _ my_ _ _ <<<"$(field graph_view)"
    awk -v before="$oy" -v after="$my_" 'BEGIN { exit !(after > before + 100) }' ||
      fail "minimap click did not move the view down to the oldest events ($oy -> $my_)"
    ;;
  graph_fork)  # a fork that blocks seeing (spec §3), expected from the dump's own edges: every
               # forked event (name "X_n,k") of C in A_3's ancestry is named, and ringed in red
    forked="$refs/functional_tests_sees/alice.dot"
    [ -f "$forked" ] || { echo "SKIP: $forked not found"; exit 77; }
    expected=$(awk -v target=A_3 '
      /^ *"[^"]+" -> "[^"]+"/ { split($0, q, "\""); parents[q[4]] = parents[q[4]] " " q[2] }
      END {
        stack[1] = target; n = 1; seen[target] = 1
        while (n > 0) { e = stack[n--]; k = split(parents[e], p, " ")
          for (i = 1; i <= k; i++) if (!(p[i] in seen)) { seen[p[i]] = 1; stack[++n] = p[i] } }
        for (e in seen) if (e ~ /^C_[0-9]+,[0-9]+$/) print e }' "$forked" | LC_ALL=C sort | paste -sd,)
    [ -n "$expected" ] || fail "the dump shows no fork of C in A_3's ancestry"
    echo "dump: A_3 descends from the forked events $expected"
    printf 'open %s\nframes 2\nselect A_3\nframes 3\n' "$forked" > one.txt
    run_app one.txt one.png
    one_red=$(colour_count one.png "255 64 64")
    printf 'open %s\nframes 2\nselect-pair A_3 C_1\nframes 3\n' "$forked" > fork.txt
    run_app fork.txt fork.png
    expect_field pair A_3,C_1
    expect_field pair_sees 0
    expect_field pair_strongly_sees 0
    expect_field pair_blocked_by_fork 1
    expect_field pair_blocking_forks "$expected"
    fork_red=$(colour_count fork.png "255 64 64")
    echo "red ring pixels: $one_red with A_3 alone, $fork_red with the pair"
    [ "$fork_red" -ge $((one_red + 60)) ] || fail "the blocking fork is not ringed"
    ;;
  graph_fit)  # F fits the whole graph: every event is drawn
    printf 'open %s\nframes 2\nkey F\nframes 3\n' "$dkg" > fit.txt
    run_app fit.txt fit.png
    expect_field graph_drawn "$(field graph_events)"
    state | grep -q "intents=[^ ]*FitView" || fail "F did not push FitView"
    ;;
  graph_export)  # export-graph writes the canvas area as a PNG of the canvas's size
    printf 'open %s\nselect A_45\nframes 2\nexport-graph graph.png\nframes 2\n' "$dkg" > export.txt
    run_app export.txt window.png
    [ -f graph.png ] || fail "graph.png not written"
    IFS=, read -r x y w h <<<"$(field graph_canvas)"
    "$checker" graph.png --size "${w}x${h}" --not-uniform --colour $STRONG 12 0 0 "$w" "$h" 100 ||
      fail "graph.png has the wrong size or lacks the selection's highlight"
    ls ./*.tmp.png >/dev/null 2>&1 && fail "temporary window capture left behind"
    ;;
  graph_ghosts)  # the live cluster from Bob's view: ghosts = union - Bob's graph, per the engine
    [ "$live_expected" != none ] || { echo "SKIP: no live_expected"; exit 77; }
    printf 'advance 300\nperspective Bob\nframes 3\n' > ghosts.txt
    run_app ghosts.txt ghosts.png
    inputs=$(field input)
    for n in Alice Bob Carol Dave; do
      "$live_expected" "$inputs" "$n" > "$n.dot" || fail "live_expected $inputs $n"
      grep -o '"[A-Za-z]*_[0-9][0-9,]*"' "$n.dot" | sort -u > "$n.names"
    done
    union=$(cat ./*.names | sort -u | wc -l)
    bob=$(wc -l < Bob.names)
    echo "engine: union $union events, Bob holds $bob, so $((union - bob)) ghosts"
    expect_field graph_perspective Bob
    expect_field graph_events "$union"
    expect_field graph_ghosts "$((union - bob))"
    [ $((union - bob)) -gt 0 ] || echo "note: Bob lacks nothing at input $inputs"
    ;;
  *) fail "unknown case" ;;
esac
echo "PASS [$case_name]"
