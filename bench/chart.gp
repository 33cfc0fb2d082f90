# Draws the benchmark chart: gnuplot -e "datafile='chart.dat'; outfile='chart.png'" chart.gp
# chart.dat columns: peer, cold start ms, req/s at 32 and 256 connections, seconds for the sleepers, peak RSS MiB
# (NaN where a peer has no value, e.g. it refused the payload).
set terminal pngcairo size 1200,860 font "sans,11"
set output outfile
set datafile missing "NaN"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set grid ytics
set yrange [0:*]
set offsets 0, 0, graph 0.12, 0
set xtics scale 0 font "sans,10" rotate by 20 right
set key top left horizontal font "sans,10"
set multiplot layout 2,2 title "agentcore4j and its peers (medians; lower is better, except requests/s)" font "sans,14"
set title "Cold start: spawn to first 200 (ms)"
plot datafile using 2:xtic(1) notitle linecolor rgb "#1f77b4", \
     '' using 0:2:(sprintf("%.0f", $2)) with labels offset 0,0.8 notitle
set title "Throughput with wrk (requests/s)"
plot datafile using 3:xtic(1) title "32 connections" linecolor rgb "#2ca02c", \
     '' using 4 title "256 connections" linecolor rgb "#98df8a"
set title "1,000 concurrent 1 s sleeps: all complete (s)"
plot datafile using 5:xtic(1) notitle linecolor rgb "#ff7f0e", \
     '' using 0:5:(sprintf("%.2f", $5)) with labels offset 0,0.8 notitle
set title "100 MiB payload (1 KiB strings): peak RSS (MiB; none where refused)"
plot datafile using 6:xtic(1) notitle linecolor rgb "#9467bd", \
     '' using 0:6:(sprintf("%.0f", $6)) with labels offset 0,0.8 notitle
unset multiplot
