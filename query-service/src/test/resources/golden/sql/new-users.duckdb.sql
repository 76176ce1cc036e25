SELECT ((time_ms + 28800000) // 86400000) AS bucket, "$os" AS g0, count_if(((event IN ('$AppViewScreen', '$pageview') AND (1 = 1)) AND (user_id, insert_id) IN (SELECT user_id, argMin(insert_id, (time_ms, insert_id))
FROM (SELECT event, time_ms, insert_id, coalesce(sextant_linked_login_id, distinct_id) AS user_id
FROM events_demo LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS sextant_linked_login_id
FROM id_links_demo) ON distinct_id = sextant_linked_anonymous_id
WHERE (1 = 1)) AS f
GROUP BY user_id))) AS m0_events, count(DISTINCT user_id) FILTER (WHERE ((event IN ('$AppViewScreen', '$pageview') AND (1 = 1)) AND (user_id, insert_id) IN (SELECT user_id, argMin(insert_id, (time_ms, insert_id))
FROM (SELECT event, time_ms, insert_id, coalesce(sextant_linked_login_id, distinct_id) AS user_id
FROM events_demo LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS sextant_linked_login_id
FROM id_links_demo) ON distinct_id = sextant_linked_anonymous_id
WHERE (1 = 1)) AS f
GROUP BY user_id))) AS m0_users, count(*) AS m1_events, count(DISTINCT user_id) AS m1_users
FROM (SELECT event, time_ms, insert_id, coalesce(sextant_linked_login_id, distinct_id) AS user_id, "$os", "vip"
FROM events_demo LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS sextant_linked_login_id
FROM id_links_demo) ON distinct_id = sextant_linked_anonymous_id
WHERE time_ms >= 1772380800000 AND time_ms < 1772985600000 AND (1 = 1) AND (coalesce(("vip" = FALSE), FALSE) AND (1 = 1))) AS e
GROUP BY bucket, g0;
