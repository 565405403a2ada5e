-- 0046: each clock's legal basis is a setting of the congress (issue #20 item 5): the national law by default, the congress's own
-- regulation where its administrator names it. Existing rows get the national defaults (no other province's rule is cited).

ALTER TABLE "SuggestionSettings" ADD COLUMN "AssignBasis" TEXT NOT NULL DEFAULT '代表法 第五十一条；期限按本级人大常委会规定';
ALTER TABLE "SuggestionSettings" ADD COLUMN "ReassignBasis" TEXT NOT NULL DEFAULT '代表法 第五十一条；期限按本级人大常委会规定';
ALTER TABLE "SuggestionSettings" ADD COLUMN "ContactBasis" TEXT NOT NULL DEFAULT '代表法 第五十一条';
ALTER TABLE "SuggestionSettings" ADD COLUMN "CoViewsBasis" TEXT NOT NULL DEFAULT '代表法 第五十一条；期限按本级人大常委会规定';
ALTER TABLE "SuggestionSettings" ADD COLUMN "AnswerBasis" TEXT NOT NULL DEFAULT '代表法 第五十一条';
ALTER TABLE "SuggestionSettings" ADD COLUMN "RatingBasis" TEXT NOT NULL DEFAULT '代表法 第五十一条；期限按本级人大常委会规定';
ALTER TABLE "SuggestionSettings" ADD COLUMN "RehandleBasis" TEXT NOT NULL DEFAULT '代表法 第五十一条；期限按本级人大常委会规定';
ALTER TABLE "FilingSettings" ADD COLUMN "IntakeBasis" TEXT NOT NULL DEFAULT '监督法 第三十九条；期限按本级人大常委会规定';
ALTER TABLE "FilingSettings" ADD COLUMN "ReviewBasis" TEXT NOT NULL DEFAULT '监督法 第三十九、四十条；立法法 第一百一十至一百一十三条';
ALTER TABLE "FilingSettings" ADD COLUMN "CommitteeViewBasis" TEXT NOT NULL DEFAULT '监督法 第三十九条；期限按本级人大常委会规定';
ALTER TABLE "FilingSettings" ADD COLUMN "OpinionBasis" TEXT NOT NULL DEFAULT '立法法 第一百一十二条';
ALTER TABLE "FilingSettings" ADD COLUMN "FeedbackBasis" TEXT NOT NULL DEFAULT '立法法 第一百一十三条；期限按本级人大常委会规定';
ALTER TABLE "LegislationSettings" ADD COLUMN "FilingBasis" TEXT NOT NULL DEFAULT '立法法 第一百零九条';
ALTER TABLE "LegislationSettings" ADD COLUMN "ApprovalBasis" TEXT NOT NULL DEFAULT '立法法 第八十一条';
ALTER TABLE "BudgetSettings" ADD COLUMN "DataBasis" TEXT NOT NULL DEFAULT '监督法 第三十条；全国人大常委会办公厅关于推进地方人大预算联网监督工作的指导意见（2017）';
ALTER TABLE "BudgetSettings" ADD COLUMN "ReplyBasis" TEXT NOT NULL DEFAULT '监督法 第三十条；期限按本级人大常委会规定';
ALTER TABLE "SupervisionSettings" ADD COLUMN "LeadBasis" TEXT NOT NULL DEFAULT '监督法第十五条';
ALTER TABLE "SupervisionSettings" ADD COLUMN "OpinionsBasis" TEXT NOT NULL DEFAULT '监督法第十七条；期限按本级人大常委会规定';
ALTER TABLE "SupervisionSettings" ADD COLUMN "AuditBasis" TEXT NOT NULL DEFAULT '监督法第二十七条';
ALTER TABLE "MeetingSettings" ADD COLUMN "OathBasis" TEXT NOT NULL DEFAULT '全国人民代表大会常务委员会关于实行宪法宣誓制度的决定（2018年修订）；期限按本级实施办法';
ALTER TABLE "DeputySettings" ADD COLUMN "ReceptionBasis" TEXT NOT NULL DEFAULT '代表法 第四条第六项；期限按本级人大常委会规定';
