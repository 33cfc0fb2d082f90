# Draws the benchmark chart: gnuplot -e "datafile='chart.dat'; outfile='chart.png'" chart.gp
# chart.dat columns: peer, cold start ms, req/s at 32 and 256 connections, seconds for the sleepers, peak RSS MiB.
set terminal pngcairo size 1200,820 font "sans,11"
set output outfile
set datafile missing "NaN"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set grid ytics
set yrange [0:*]
set key top right
set xtics scale 0 font "sans,10"
set multiplot layout 2,2 title "agentcore4j vs its peers (medians; lower is better except requests/s)" font "sans,14"
set title "Cold start: spawn to first 200 (ms)"
plot datafile using 2:xtic(1) notitle linecolor rgb "#1f77b4"
set title "Throughput, wrk (requests/s)"
plot datafile using 3:xtic(1) title "32 connections" linecolor rgb "#2ca02c", \
     '' using 4 title "256 connections" linecolor rgb "#98df8a"
set title "1,000 concurrent 1 s sleeps: all complete (s)"
plot datafile using 5:xtic(1) notitle linecolor rgb "#ff7f0e"
set title "100 MiB payload: peak RSS (MiB)"
plot datafile using 6:xtic(1) notitle linecolor rgb "#9467bd"
unset multiplot
