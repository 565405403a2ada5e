-- 0029: budget analysis (issue 17): the drill-down pages a year's payments in (date, id) order by cursor, and a payment's
-- detail lists the refunds that name its voucher.
CREATE INDEX "IX_TreasuryPayments_CongressId_Year_PaidOn_Id" ON "TreasuryPayments" ("CongressId", "Year", "PaidOn", "Id");

CREATE INDEX "IX_TreasuryPayments_CongressId_ReversesVoucherNumber" ON "TreasuryPayments" ("CongressId", "ReversesVoucherNumber");
