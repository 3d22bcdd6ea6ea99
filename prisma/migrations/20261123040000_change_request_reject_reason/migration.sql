-- Why a change request was rejected, on the request itself (it was kept only in the audit log).
ALTER TABLE "change_requests" ADD COLUMN "rejectReason" VARCHAR(500);

UPDATE "change_requests" c SET "rejectReason" = a."detail"->>'reason'
FROM "audit_log" a
WHERE c."status" = 'REJECTED' AND a."resource" = 'change-requests' AND a."recordId" = c."id"::text AND a."detail"->>'event' = 'REJECT';
