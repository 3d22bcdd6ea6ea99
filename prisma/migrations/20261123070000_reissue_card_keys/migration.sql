-- M-10: a reissue request names the card it replaces and, once approved, the new card. Both are
-- now foreign keys (a request can no longer point at a card that does not exist), and the
-- region scope and search of the reissue list go through the card in one query instead of
-- listing every card id of the region first.
ALTER TABLE "card_reissue_requests" ADD CONSTRAINT "card_reissue_requests_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "cards"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "card_reissue_requests" ADD CONSTRAINT "card_reissue_requests_newCardId_fkey" FOREIGN KEY ("newCardId") REFERENCES "cards"("id") ON DELETE SET NULL ON UPDATE CASCADE;
