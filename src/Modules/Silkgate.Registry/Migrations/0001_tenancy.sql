-- Tenancy (P1): zones (cities with a pilot zone), their districts and counties, and parks.
-- Zones and districts are reference data the platform ships: administrative division codes (GB/T 2260).
CREATE TABLE registry_zones (
    code TEXT PRIMARY KEY,
    province_code TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE registry_districts (
    code TEXT PRIMARY KEY,
    zone_code TEXT NOT NULL REFERENCES registry_zones (code),
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE INDEX ix_registry_districts_zone ON registry_districts (zone_code);

CREATE TABLE registry_parks (
    id {{id}},
    zone_code TEXT NOT NULL REFERENCES registry_zones (code),
    district_code TEXT NOT NULL REFERENCES registry_districts (code),
    name_zh TEXT NOT NULL,
    name_en TEXT NULL,
    level TEXT NOT NULL,
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX ix_registry_parks_zone ON registry_parks (zone_code);
CREATE UNIQUE INDEX ux_registry_parks_name ON registry_parks (zone_code, name_zh);

-- Zhejiang (330000): the five pilot zones of the seeds.
INSERT INTO registry_zones (code, province_code, name_zh, name_en) VALUES
    ('330400', '330000', '嘉兴市', 'Jiaxing'),
    ('330500', '330000', '湖州市', 'Huzhou'),
    ('330800', '330000', '衢州市', 'Quzhou'),
    ('331000', '330000', '台州市', 'Taizhou'),
    ('331100', '330000', '丽水市', 'Lishui');

INSERT INTO registry_districts (code, zone_code, name_zh, name_en) VALUES
    ('330402', '330400', '南湖区', 'Nanhu District'),
    ('330411', '330400', '秀洲区', 'Xiuzhou District'),
    ('330421', '330400', '嘉善县', 'Jiashan County'),
    ('330424', '330400', '海盐县', 'Haiyan County'),
    ('330481', '330400', '海宁市', 'Haining City'),
    ('330482', '330400', '平湖市', 'Pinghu City'),
    ('330483', '330400', '桐乡市', 'Tongxiang City'),
    ('330502', '330500', '吴兴区', 'Wuxing District'),
    ('330503', '330500', '南浔区', 'Nanxun District'),
    ('330521', '330500', '德清县', 'Deqing County'),
    ('330522', '330500', '长兴县', 'Changxing County'),
    ('330523', '330500', '安吉县', 'Anji County'),
    ('330802', '330800', '柯城区', 'Kecheng District'),
    ('330803', '330800', '衢江区', 'Qujiang District'),
    ('330822', '330800', '常山县', 'Changshan County'),
    ('330824', '330800', '开化县', 'Kaihua County'),
    ('330825', '330800', '龙游县', 'Longyou County'),
    ('330881', '330800', '江山市', 'Jiangshan City'),
    ('331002', '331000', '椒江区', 'Jiaojiang District'),
    ('331003', '331000', '黄岩区', 'Huangyan District'),
    ('331004', '331000', '路桥区', 'Luqiao District'),
    ('331022', '331000', '三门县', 'Sanmen County'),
    ('331023', '331000', '天台县', 'Tiantai County'),
    ('331024', '331000', '仙居县', 'Xianju County'),
    ('331081', '331000', '温岭市', 'Wenling City'),
    ('331082', '331000', '临海市', 'Linhai City'),
    ('331083', '331000', '玉环市', 'Yuhuan City'),
    ('331102', '331100', '莲都区', 'Liandu District'),
    ('331121', '331100', '青田县', 'Qingtian County'),
    ('331122', '331100', '缙云县', 'Jinyun County'),
    ('331123', '331100', '遂昌县', 'Suichang County'),
    ('331124', '331100', '松阳县', 'Songyang County'),
    ('331125', '331100', '云和县', 'Yunhe County'),
    ('331126', '331100', '庆元县', 'Qingyuan County'),
    ('331127', '331100', '景宁畲族自治县', 'Jingning She Autonomous County'),
    ('331181', '331100', '龙泉市', 'Longquan City');
