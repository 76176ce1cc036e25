SELECT g, cohort, count(*) AS users, count_if(coalesce(list_contains(returns, cohort + 0), FALSE)) AS retained0, count_if(coalesce(list_contains(returns, cohort + 1), FALSE)) AS retained1
FROM (SELECT (year((DATE '1970-01-01' + CAST(((first_time + CASE WHEN first_time < 1772953200000 THEN -18000000 ELSE -14400000 END) // 86400000) AS INTEGER))) * 12 + month((DATE '1970-01-01' + CAST(((first_time + CASE WHEN first_time < 1772953200000 THEN -18000000 ELSE -14400000 END) // 86400000) AS INTEGER))) - 1) AS cohort, g, returns
FROM (SELECT user_id, coalesce(list(DISTINCT (year((DATE '1970-01-01' + CAST(((time_ms + CASE WHEN time_ms < 1772953200000 THEN -18000000 ELSE -14400000 END) // 86400000) AS INTEGER))) * 12 + month((DATE '1970-01-01' + CAST(((time_ms + CASE WHEN time_ms < 1772953200000 THEN -18000000 ELSE -14400000 END) // 86400000) AS INTEGER))) - 1)) FILTER (WHERE ((1 = 1) AND time_ms >= 1772341200000)), []) AS returns, min(time_ms) FILTER (WHERE (event IN ('Register') AND (1 = 1))) AS first_time, first("amount" ORDER BY time_ms, insert_id) FILTER (WHERE (event IN ('Register') AND (1 = 1))) AS g
FROM (SELECT event, time_ms, insert_id, coalesce(sextant_linked_login_id, distinct_id) AS user_id, "amount"
FROM events_demo LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS sextant_linked_login_id
FROM id_links_demo) ON distinct_id = sextant_linked_anonymous_id
WHERE time_ms < 1777608000000 AND (1 = 1)) AS e
GROUP BY user_id
HAVING count_if(((event IN ('Register') AND (1 = 1)) AND time_ms >= 1772600400000 AND time_ms < 1773201600000)) > 0) AS u
WHERE first_time >= 1772600400000 AND first_time < 1773201600000) AS r
GROUP BY g, cohort
