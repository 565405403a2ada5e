-- 0048: the public portal, part 2 (issue 19): a citizen's comment has a receipt code and its handling a time (已收到 → 已整理 →
-- 采纳 / 部分采纳 / 未采纳); e-mail subscriptions to a section of a public site (double opt-in) and what was mailed to each.

ALTER TABLE "BillComments" ADD COLUMN "ReceiptCode" TEXT NULL;
ALTER TABLE "BillComments" ADD COLUMN "HandledAt" TEXT NULL;
CREATE UNIQUE INDEX "IX_BillComments_ReceiptCode" ON "BillComments" ("ReceiptCode");

CREATE TABLE "PortalSubscriptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PortalSubscriptions" PRIMARY KEY AUTOINCREMENT,
    "CongressId" INTEGER NOT NULL,
    "Section" TEXT NOT NULL,
    "Keyword" TEXT NULL,
    "Email" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ConfirmTokenHash" TEXT NULL,
    "UnsubscribeToken" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ConfirmedAt" TEXT NULL,
    "EndedAt" TEXT NULL
);
CREATE UNIQUE INDEX "IX_PortalSubscriptions_ConfirmTokenHash" ON "PortalSubscriptions" ("ConfirmTokenHash");
CREATE UNIQUE INDEX "IX_PortalSubscriptions_UnsubscribeToken" ON "PortalSubscriptions" ("UnsubscribeToken");
CREATE INDEX "IX_PortalSubscriptions_Status_CongressId_Section" ON "PortalSubscriptions" ("Status", "CongressId", "Section");

CREATE TABLE "PortalSubscriptionDeliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PortalSubscriptionDeliveries" PRIMARY KEY AUTOINCREMENT,
    "SubscriptionId" INTEGER NOT NULL,
    "ItemKey" TEXT NOT NULL,
    "SentAt" TEXT NOT NULL,
    CONSTRAINT "FK_PortalSubscriptionDeliveries_Subscription" FOREIGN KEY ("SubscriptionId") REFERENCES "PortalSubscriptions" ("Id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "IX_PortalSubscriptionDeliveries_SubscriptionId_ItemKey" ON "PortalSubscriptionDeliveries" ("SubscriptionId", "ItemKey");
