SELECT intDiv((time_ms + 28800000), 86400000) AS bucket, `$os` AS g0, countIf(((event IN ('$AppViewScreen', '$pageview') AND (1 = 1)) AND (user_id, insert_id) IN (SELECT user_id, argMin(insert_id, (time_ms, insert_id))
FROM (SELECT event, time_ms, insert_id, if(sextant_linked_login_id = '', distinct_id, sextant_linked_login_id) AS user_id
FROM events_demo GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, argMin(login_id, (linked_at_ms, login_id)) AS sextant_linked_login_id
FROM id_links_demo
GROUP BY anonymous_id) USING distinct_id
WHERE (1 = 1)) AS f
GROUP BY user_id))) AS m0_events, ifNull(uniqExactIf(user_id, ((event IN ('$AppViewScreen', '$pageview') AND (1 = 1)) AND (user_id, insert_id) IN (SELECT user_id, argMin(insert_id, (time_ms, insert_id))
FROM (SELECT event, time_ms, insert_id, if(sextant_linked_login_id = '', distinct_id, sextant_linked_login_id) AS user_id
FROM events_demo GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, argMin(login_id, (linked_at_ms, login_id)) AS sextant_linked_login_id
FROM id_links_demo
GROUP BY anonymous_id) USING distinct_id
WHERE (1 = 1)) AS f
GROUP BY user_id))), 0) AS m0_users, count() AS m1_events, ifNull(uniqExact(user_id), 0) AS m1_users
FROM (SELECT event, time_ms, insert_id, if(sextant_linked_login_id = '', distinct_id, sextant_linked_login_id) AS user_id, `$os`, `vip`
FROM events_demo GLOBAL ANY LEFT JOIN (SELECT anonymous_id AS distinct_id, argMin(login_id, (linked_at_ms, login_id)) AS sextant_linked_login_id
FROM id_links_demo
GROUP BY anonymous_id) USING distinct_id
WHERE time_ms >= 1772380800000 AND time_ms < 1772985600000 AND event_date >= toDate('2026-03-01') AND event_date <= toDate('2026-03-08') AND (ifNull((`vip` = 0), 0) AND (1 = 1))) AS e
GROUP BY bucket, g0;
