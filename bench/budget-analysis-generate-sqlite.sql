-- Budget analysis benchmark data on SQLite (bench/run-budget-analysis-sqlite.sh): the same shapes as
-- budget-analysis-generate.sql (60 units, 3,000 projects, skewed, late-year heavy, 30 % individuals, 0.5 % refunds) for one
-- year; the parameters are substituted by the script (@congress, @rows, @year). Decimals and dates are text, as EF stores them.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
INSERT INTO "BudgetUnits" ("CongressId", "Code", "Name", "ParentCode", "HandlingUnitId", "Active")
WITH RECURSIVE u(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM u WHERE n < 60)
SELECT @congress, 'BN' || printf('%03d', n), '基准单位' || n || '局', NULL, NULL, 1 FROM u;
INSERT INTO "BudgetProjects" ("CongressId", "BudgetUnitId", "Code", "Name", "Kind")
WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < 50)
SELECT @congress, bu."Id", bu."Code" || '-' || printf('%03d', p.n), bu."Name" || (CASE WHEN p.n <= 5 THEN '基本支出' ELSE '专项项目' END) || p.n,
       CASE WHEN p.n <= 5 THEN '基本支出' ELSE '项目支出' END
FROM "BudgetUnits" bu, p WHERE bu."CongressId" = @congress AND bu."Code" LIKE 'BN%';
-- The same thirty functional codes as the PostgreSQL generator (the drill-down by class 205 finds 5 in 30 of the payments on
-- both; the first pass had made-up codes 2010101…2039101 here, so that class 205 matched nothing on SQLite).
CREATE TEMP TABLE fcode (i INTEGER PRIMARY KEY, code TEXT);
INSERT INTO fcode VALUES (0,'2010101'),(1,'2010102'),(2,'2010301'),(3,'2010302'),(4,'2050101'),(5,'2050201'),(6,'2050202'),(7,'2050203'),(8,'2050204'),
    (9,'2060101'),(10,'2070101'),(11,'2080201'),(12,'2080501'),(13,'2080502'),(14,'2100101'),(15,'2100201'),(16,'2110101'),(17,'2120101'),(18,'2130101'),
    (19,'2130102'),(20,'2130201'),(21,'2130301'),(22,'2140101'),(23,'2150101'),(24,'2160201'),(25,'2200101'),(26,'2210101'),(27,'2240101'),(28,'2290101'),(29,'2320301');
CREATE TEMP TABLE bench_projects AS
SELECT row_number() OVER (ORDER BY p."Id") AS n, p."BudgetUnitId" AS unit_id, p."Id" AS project_id,
       (SELECT code FROM fcode WHERE i = p."Id" % 30) AS function_code,
       CASE WHEN p."Id" % 10 < 8 THEN 'GeneralPublic' WHEN p."Id" % 10 = 8 THEN 'GovernmentFund' ELSE 'StateCapital' END AS fund
FROM "BudgetProjects" p JOIN "BudgetUnits" u ON u."Id" = p."BudgetUnitId" WHERE u."Code" LIKE 'BN%' AND p."CongressId" = @congress;
CREATE UNIQUE INDEX temp.bench_projects_n ON bench_projects (n);
CREATE TEMP TABLE econ (i INTEGER PRIMARY KEY, code TEXT);
INSERT INTO econ VALUES (0,'30101'),(1,'30102'),(2,'30201'),(3,'30205'),(4,'30206'),(5,'30211'),(6,'30212'),(7,'30213'),(8,'30215'),(9,'30216'),
    (10,'30217'),(11,'30226'),(12,'30227'),(13,'30231'),(14,'30299'),(15,'31002'),(16,'31013'),(17,'31005'),(18,'30305'),(19,'39999');
INSERT INTO "BudgetBatches" ("CongressId", "Kind", "Channel", "ExternalId", "ContentHash", "FileName", "Year", "Month", "CorrectsBudgetUnitId", "RowCount", "AmountSum", "ReceivedAt", "AccountId")
VALUES (@congress, 'Payments', 'CommandLine', 'bench-@year', 'bench-@year', NULL, @year, NULL, NULL, @rows, '0.0', '2026-01-01 00:00:00', NULL);
INSERT INTO "TreasuryPayments" ("Year", "Id", "CongressId", "BatchId", "VoucherNumber", "BudgetUnitId", "FunctionCode", "EconomicCode", "ProjectId",
    "IndicatorDocumentNumber", "FundNature", "Method", "Amount", "ReversesVoucherNumber", "PayeeName", "PayeeKind", "PayeeBank", "Summary", "PaidOn", "ClearedOn")
WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < @rows),
r AS MATERIALIZED (SELECT n, (abs(random()) % 1000000) / 1000000.0 AS a, 1 + ((abs(random()) % 3000) * (abs(random()) % 3000)) / 3000 AS pn,
             min(12, 1 + (abs(random()) % 12 + abs(random()) % 13) / 2 + (abs(random()) % 2)) AS m, 1 + abs(random()) % 28 AS d FROM g)
SELECT @year, (@year - 2000) * 100000000 + r.n, @congress, (SELECT max("Id") FROM "BudgetBatches"), 'ZF' || @year || printf('%09d', r.n), bp.unit_id, bp.function_code,
       (SELECT code FROM econ WHERE i = (bp.n * 7 + r.n % 4) % 20), bp.project_id, '西财预〔' || @year || '〕' || bp.project_id || '号', bp.fund,
       CASE WHEN r.n % 3 = 0 THEN 'Authorised' ELSE 'Direct' END,
       CASE WHEN r.n % 200 = 0 THEN printf('%.2f', -(10 + r.a * 500)) ELSE printf('%.2f', 10 + r.a * r.a * r.a * r.a * 300000) END,
       CASE WHEN r.n % 200 = 0 THEN 'ZF' || @year || printf('%09d', r.n - 1) END,
       CASE WHEN r.n % 10 < 3 THEN substr('张王李赵刘陈杨黄周吴', 1 + r.n % 10, 1) || '某' || (r.n % 20000) ELSE '供应商' || (r.n % 5000) || '有限公司' END,
       CASE WHEN r.n % 10 < 3 THEN 'Individual' ELSE 'Organisation' END, '青海银行德令哈支行',
       CASE WHEN r.n % 200 = 0 THEN '退回多付款项' ELSE '支付' || r.n % 97 || '号合同款' END,
       printf('%04d-%02d-%02d', @year, r.m, r.d), printf('%04d-%02d-%02d', @year, r.m, min(28, r.d + 1))
FROM r JOIN bench_projects bp ON bp.n = r.pn;
INSERT INTO "BudgetBatches" ("CongressId", "Kind", "Channel", "ExternalId", "ContentHash", "FileName", "Year", "Month", "CorrectsBudgetUnitId", "RowCount", "AmountSum", "ReceivedAt", "AccountId")
VALUES (@congress, 'Indicators', 'CommandLine', 'bench-ind-@year', 'bench-ind-@year', NULL, @year, NULL, NULL, 0, '0.0', '2026-01-01 00:00:00', NULL);
INSERT INTO "BudgetIndicators" ("CongressId", "BatchId", "Year", "DocumentNumber", "BudgetUnitId", "FunctionCode", "EconomicCode", "ProjectId", "FundNature", "Source",
    "Adjustment", "Amount", "EffectiveOn")
SELECT @congress, (SELECT max("Id") FROM "BudgetBatches"), s."Year", '西财预〔' || s."Year" || '〕' || s."ProjectId" || '号', s."BudgetUnitId", s."FunctionCode", s."EconomicCode",
       s."ProjectId", s."FundNature", l.source, l.adjustment, printf('%.2f', s.paid * l.share * (1.05 + (s."ProjectId" % 7) * 0.05)), printf('%04d-%02d-01', s."Year", l.month)
FROM (SELECT "Year", "BudgetUnitId", "ProjectId", "FunctionCode", "EconomicCode", "FundNature", sum(CAST("Amount" AS REAL)) AS paid
      FROM "TreasuryPayments" WHERE "CongressId" = @congress AND "Year" = @year AND "ProjectId" IN (SELECT project_id FROM bench_projects) GROUP BY 1, 2, 3, 4, 5, 6) s,
     (SELECT 'AnnualBudget' AS source, NULL AS adjustment, 0.8 AS share, 1 AS month UNION ALL SELECT 'Addition', 'Addition', 0.2, 7) l;
COMMIT;
ANALYZE;
SELECT "Year", count(*), sum(CAST("Amount" AS REAL)) FROM "TreasuryPayments" WHERE "CongressId" = @congress GROUP BY "Year";
