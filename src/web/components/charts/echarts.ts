// ECharts with only the charts and components the platform draws, loaded on first use (never with a page's first
// load); the China map's GeoJSON is loaded only by a map chart.
import * as echarts from 'echarts/core';
import { BarChart, MapChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, MapChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };

/** Registers the map `china` (china-geojson: 34 regions with short names, and 南海诸岛) once. */
export async function ensureChinaMap(): Promise<void> {
  if (echarts.getMap('china')) return;
  const geo = await import('china-geojson/src/geojson/china.json');
  echarts.registerMap('china', geo.default as Parameters<typeof echarts.registerMap>[1]);
}
