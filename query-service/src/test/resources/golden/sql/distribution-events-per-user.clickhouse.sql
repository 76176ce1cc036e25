SELECT CASE WHEN user_events >= 10 THEN 3 WHEN user_events >= 5 THEN 2 WHEN user_events >= 2 THEN 1 ELSE 0 END AS bucket, sum(user_events) AS events, count(*) AS users
FROM (SELECT user_id, count(*) AS user_events
FROM (SELECT event, time_ms, insert_id, if(sextant_linked_login_id = '', distinct_id, sextant_linked_login_id) AS user_id, `vip`
FROM events_demo GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, argMin(login_id, (linked_at_ms, login_id)) AS sextant_linked_login_id
FROM id_links_demo
GROUP BY anonymous_id) USING distinct_id
WHERE time_ms >= 1772380800000 AND time_ms < 1772985600000 AND event_date >= toDate('2026-03-01') AND event_date <= toDate('2026-03-08') AND ((event IN ('Invest') AND ifNull((`vip` = 1), 0)) AND (1 = 1))) AS e
GROUP BY user_id) AS u
GROUP BY bucket;
