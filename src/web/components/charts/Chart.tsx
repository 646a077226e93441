// One chart: ECharts drawn into a box of the page once its code has arrived, resized with the box, with a button that
// saves it as a PNG. The figures are always also in a table beside it (DataTable), so nobody depends on the picture.
import { Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useI18n } from '../../i18n/i18n.js';

type Instance = EChartsType;

export function Chart({ option, title, fileName, map = false, height = 360 }: { option: EChartsCoreOption; title: string; fileName: string; map?: boolean; height?: number }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Instance | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import('./echarts.js')
      .then(async ({ echarts, ensureChinaMap }) => {
        if (map) await ensureChinaMap();
        if (disposed || !box.current) return;
        chart.current = echarts.init(box.current, undefined, { renderer: 'canvas' });
        setReady(true);
        observer = new ResizeObserver(() => chart.current?.resize());
        observer.observe(box.current);
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [map]);

  useEffect(() => {
    if (ready) chart.current?.setOption({ aria: { enabled: true }, animation: false, ...option }, true);
  }, [ready, option]);

  const download = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileName}.png`;
    document.body.append(a);
    a.click();
    a.remove();
  };

  return (
    <figure className="chart" aria-label={title}>
      <div ref={box} className="chart-box" style={{ height }} data-chart={fileName} data-ready={ready ? 'true' : 'false'} />
      <figcaption className="chart-tools">
        {failed ? <span role="alert">{t('charts.failed')}</span> : null}
        {ready ? (
          <Button size="small" onClick={download}>
            {t('charts.downloadPng')}
          </Button>
        ) : null}
      </figcaption>
    </figure>
  );
}
