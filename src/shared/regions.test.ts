// The China map: our 34 region names are exactly the GeoJSON's (china-geojson), and the Corps is drawn in 新疆.
import { describe, expect, it } from 'vitest';
import china from 'china-geojson/src/geojson/china.json' with { type: 'json' };
import { MAP_REGION_NAMES, mapSeries, PROVINCES } from './regions.js';

const geo = china as { features: Array<{ properties: { name: string } }> };

describe('map regions', () => {
  it('name all 34 regions as the GeoJSON does (南海诸岛 is drawn, not counted)', () => {
    const geoNames = geo.features.map((f) => f.properties.name).filter((n) => n !== '南海诸岛');
    expect(geoNames).toHaveLength(34);
    expect([...MAP_REGION_NAMES].sort()).toEqual([...geoNames].sort());
  });

  it('give every province-level region a map name the GeoJSON has', () => {
    const geoNames = new Set(geo.features.map((f) => f.properties.name));
    for (const p of PROVINCES) expect(geoNames.has(p.short), p.name).toBe(true);
  });

  it('fill every region, adding the Corps to 新疆', () => {
    const series = mapSeries([
      { mapName: '新疆', count: 2 },
      { mapName: '新疆', count: 1 },
      { mapName: '广东', count: 5 },
    ]);
    expect(series).toHaveLength(34);
    expect(series.find((s) => s.name === '新疆')?.value).toBe(3);
    expect(series.find((s) => s.name === '广东')?.value).toBe(5);
    expect(series.find((s) => s.name === '台湾')?.value).toBe(0);
  });
});
