-- M-8: a fee paid with an application reaches, through it, the member and card the application
-- became; the ledger itself stays append-only. The foreign key also keeps a receipt from pointing
-- at an application that does not exist.
CREATE INDEX "fee_entries_applicationId_idx" ON "fee_entries"("applicationId");

ALTER TABLE "fee_entries" ADD CONSTRAINT "fee_entries_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
