-- Fills the post lookup (V40) from the events already stored, so that questions and answers written
-- before bounties and flags existed can be flagged and carry bounties. Repeatable on any history:
-- the event handlers keep it from here on.
INSERT INTO post_lookup (post_id, kind, question_id, community_id, author_id, created_at)
SELECT p ->> 'questionId', 'QUESTION', p ->> 'questionId', p ->> 'communityId', p ->> 'actorId',
       (p ->> 'occurredAt')::timestamptz
FROM (SELECT payload::jsonb AS p FROM domain_event_entry
      WHERE payload_type = 'dev.praxis.api.question.QuestionAsked') asked
ON CONFLICT (post_id) DO NOTHING;

INSERT INTO post_lookup (post_id, kind, question_id, community_id, author_id, created_at)
SELECT p ->> 'answerId', 'ANSWER', p ->> 'questionId', p ->> 'communityId', p ->> 'actorId',
       (p ->> 'occurredAt')::timestamptz
FROM (SELECT payload::jsonb AS p FROM domain_event_entry
      WHERE payload_type = 'dev.praxis.api.question.AnswerPosted') answered
ON CONFLICT (post_id) DO NOTHING;

UPDATE post_lookup l SET score = v.score
FROM (SELECT payload::jsonb ->> 'postId' AS post_id,
             SUM(CASE WHEN payload::jsonb ->> 'direction' = 'UP' THEN 1 ELSE -1 END) AS score
      FROM domain_event_entry WHERE payload_type = 'dev.praxis.api.question.VoteCast'
      GROUP BY 1) v
WHERE l.post_id = v.post_id;

UPDATE post_lookup l SET locked = (last.payload_type = 'dev.praxis.api.question.QuestionLocked')
FROM (SELECT DISTINCT ON (payload::jsonb ->> 'questionId') payload::jsonb ->> 'questionId' AS post_id, payload_type
      FROM domain_event_entry
      WHERE payload_type IN ('dev.praxis.api.question.QuestionLocked', 'dev.praxis.api.question.QuestionUnlocked')
      ORDER BY payload::jsonb ->> 'questionId', global_index DESC) last
WHERE l.post_id = last.post_id;

UPDATE post_lookup l SET deleted = (last.payload_type = 'dev.praxis.api.question.PostDeleted')
FROM (SELECT DISTINCT ON (payload::jsonb ->> 'postId') payload::jsonb ->> 'postId' AS post_id, payload_type
      FROM domain_event_entry
      WHERE payload_type IN ('dev.praxis.api.question.PostDeleted', 'dev.praxis.api.question.PostUndeleted')
      ORDER BY payload::jsonb ->> 'postId', global_index DESC) last
WHERE l.post_id = last.post_id;
