SELECT CASE WHEN user_events >= 10 THEN 3 WHEN user_events >= 5 THEN 2 WHEN user_events >= 2 THEN 1 ELSE 0 END AS bucket, sum(user_events) AS events, count(*) AS users
FROM (SELECT user_id, count(*) AS user_events
FROM (SELECT event, time_ms, insert_id, coalesce(sextant_linked_login_id, distinct_id) AS user_id, "vip"
FROM events_demo LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS sextant_linked_login_id
FROM id_links_demo) ON distinct_id = sextant_linked_anonymous_id
WHERE time_ms >= 1772380800000 AND time_ms < 1772985600000 AND (1 = 1) AND ((event IN ('Invest') AND coalesce(("vip" = TRUE), FALSE)) AND (1 = 1))) AS e
GROUP BY user_id) AS u
GROUP BY bucket;
