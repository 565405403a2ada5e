-- 0017: failed logins are counted per sender's address (an HMAC, Platform/Web/ClientAddress) and per account over many
-- addresses, in LoginAttempts, instead of a counter on the account that any one client could run up to lock it
-- (decision 0022).
CREATE TABLE "LoginAttempts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LoginAttempts" PRIMARY KEY AUTOINCREMENT,
    "AddressHash" TEXT NOT NULL,
    "AccountId" INTEGER NULL,
    "At" TEXT NOT NULL,
    "Succeeded" INTEGER NOT NULL
);

CREATE INDEX "IX_LoginAttempts_AccountId_At" ON "LoginAttempts" ("AccountId", "At");
CREATE INDEX "IX_LoginAttempts_AddressHash_At" ON "LoginAttempts" ("AddressHash", "At");
CREATE INDEX "IX_LoginAttempts_At" ON "LoginAttempts" ("At");

ALTER TABLE "Accounts" DROP COLUMN "FailedLogins";
