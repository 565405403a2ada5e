-- A vote closed while present members had not voted records why (issue #20: nothing irreversible by one tap).
ALTER TABLE "Votes" ADD COLUMN "EarlyCloseReason" TEXT NULL;
