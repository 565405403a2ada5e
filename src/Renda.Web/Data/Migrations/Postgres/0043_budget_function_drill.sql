-- 0043: the drill-down by a functional class over a whole year (issue 17: a drill-down list page p95 ≤ 50 ms). The class is
-- now a range on "FunctionCode" ('205' → >= '205' AND < '206'), which this index serves; before, a LIKE was tested on each
-- payment along the year's date order, 5.6 s on SQLite at 1 M payments when the class was rare.
CREATE INDEX "IX_TreasuryPayments_CongressId_Year_FunctionCode_PaidOn_Id" ON "TreasuryPayments" ("CongressId", "Year", "FunctionCode", "PaidOn", "Id");
