// An Apache ECharts chart for the analysis pages, importing only the charts and components they use.
// It draws SVG rather than canvas: sharp when zoomed or printed, text selectable by tests, and it
// renders in jsdom, so the page tests run the real chart.
import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, BarChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];

export default function Chart({ option, height = 320, className }: { option: ChartOption; height?: number; className?: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = echarts.init(element.current, undefined, { renderer: 'svg' });
    // No entry animation: the chart is read at once (and screenshots are stable).
    chart.setOption({ animation: false, ...(option as object) });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={element} className={`chart ${className ?? ''}`} style={{ height }} role="img" />;
}
