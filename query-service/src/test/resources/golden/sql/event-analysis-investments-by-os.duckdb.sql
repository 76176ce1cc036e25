SELECT ((time_ms + 28800000) // 86400000) AS bucket, "$os" AS g0, count_if((event IN ('P2P_Invest') AND (1 = 1))) AS m0_events, count_if((event IN ('P2P_Invest') AND coalesce(("amount" >= CAST('1000' AS DECIMAL(38, 8))), FALSE))) AS m1_events, coalesce(sum("amount") FILTER (WHERE ((event IN ('P2P_Invest') AND coalesce(("amount" >= CAST('1000' AS DECIMAL(38, 8))), FALSE)) AND ("amount" IS NOT NULL))), 0) AS m1_sum, count(*) AS m2_events, count(DISTINCT user_id) AS m2_users
FROM (SELECT event, time_ms, insert_id, coalesce(sextant_linked_login_id, distinct_id) AS user_id, "$os", "amount", "tags", "vip"
FROM events_demo LEFT JOIN (SELECT anonymous_id AS sextant_linked_anonymous_id, login_id AS sextant_linked_login_id
FROM id_links_demo) ON distinct_id = sextant_linked_anonymous_id
WHERE time_ms >= 1772380800000 AND time_ms < 1772985600000 AND (1 = 1) AND ((coalesce(("vip" = TRUE), FALSE) OR coalesce(list_contains("tags", 'p2p'), FALSE)) AND (1 = 1))) AS e
GROUP BY bucket, g0;
