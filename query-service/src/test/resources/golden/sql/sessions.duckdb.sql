SELECT ((start_ms + CASE WHEN start_ms < 1772953200000 THEN -18000000 ELSE -14400000 END) // 86400000) AS bucket, (((start_ms + CASE WHEN start_ms < 1772953200000 THEN -18000000 ELSE -14400000 END) % 86400000) // 3600000) AS start_hour, count(*) AS sessions, count_if(page_views = 1) AS bounces, sum(duration_ms) AS total_duration_ms, sum(page_views) AS total_page_views
FROM (SELECT user_id, session, min(time_ms) AS start_ms, max(time_ms) - min(time_ms) AS duration_ms, sum(is_pv) AS page_views
FROM (SELECT user_id, time_ms, is_pv, page, sum(CASE WHEN previous_gap_ms IS NULL OR previous_gap_ms > 1800000 THEN 1 ELSE 0 END) OVER (PARTITION BY user_id ORDER BY time_ms, insert_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session, next_gap_ms
FROM (SELECT user_id, time_ms, insert_id, is_pv, page, time_ms - lag(time_ms) OVER by_time AS previous_gap_ms, coalesce(lead(time_ms) OVER by_time - time_ms, -1) AS next_gap_ms
FROM (SELECT user_id, time_ms, insert_id, CASE WHEN (event IN ('$pageview', '$AppViewScreen') AND (1 = 1)) THEN 1 ELSE 0 END AS is_pv, "$url" AS page
FROM (SELECT event, time_ms, insert_id, coalesce(sextant_linked_login_id, distinct_id) AS user_id, "$os", "$url"
FROM events_demo LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS sextant_linked_login_id
FROM id_links_demo) ON distinct_id = sextant_linked_anonymous_id
WHERE time_ms >= 1772859600000 AND time_ms < 1773115200000 AND (1 = 1) AND coalesce(("$os" <> 'Web'), FALSE)) AS r) AS e WINDOW by_time AS (PARTITION BY user_id ORDER BY time_ms, insert_id)) AS g) AS p
GROUP BY user_id, session) AS s
GROUP BY bucket, start_hour;
SELECT page, count(*) AS views, sum(next_gap_ms) AS dwell_ms
FROM (SELECT user_id, time_ms, is_pv, page, sum(CASE WHEN previous_gap_ms IS NULL OR previous_gap_ms > 1800000 THEN 1 ELSE 0 END) OVER (PARTITION BY user_id ORDER BY time_ms, insert_id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session, next_gap_ms
FROM (SELECT user_id, time_ms, insert_id, is_pv, page, time_ms - lag(time_ms) OVER by_time AS previous_gap_ms, coalesce(lead(time_ms) OVER by_time - time_ms, -1) AS next_gap_ms
FROM (SELECT user_id, time_ms, insert_id, CASE WHEN (event IN ('$pageview', '$AppViewScreen') AND (1 = 1)) THEN 1 ELSE 0 END AS is_pv, "$url" AS page
FROM (SELECT event, time_ms, insert_id, coalesce(sextant_linked_login_id, distinct_id) AS user_id, "$os", "$url"
FROM events_demo LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS sextant_linked_login_id
FROM id_links_demo) ON distinct_id = sextant_linked_anonymous_id
WHERE time_ms >= 1772859600000 AND time_ms < 1773115200000 AND (1 = 1) AND coalesce(("$os" <> 'Web'), FALSE)) AS r) AS e WINDOW by_time AS (PARTITION BY user_id ORDER BY time_ms, insert_id)) AS g) AS p
WHERE is_pv = 1 AND next_gap_ms >= 0 AND next_gap_ms <= 1800000
GROUP BY page;
